package dev.loadtest.tls;

/**
 * What OCSP says about the server's certificate on a connection; see {@link OcspInfo}.
 *
 * <p>k6 knows the first four ({@link #k6Name()} gives its names). It reports a missing staple as {@code unknown}
 * and never checks a staple's signature; here a missing staple is {@link #NOT_STAPLED} and a response that does not
 * verify is {@link #INVALID}.
 */
public enum OcspStatus {

    /** The responder vouches for the certificate. */
    GOOD("good"),

    /** The certificate is revoked: see {@link OcspInfo#revokedAt()} and {@link OcspInfo#revocationReason()}. */
    REVOKED("revoked"),

    /** The responder does not know the certificate. */
    UNKNOWN("unknown"),

    /**
     * No answer: the responder sent an unsuccessful response status ({@code tryLater}, {@code internalError}...),
     * or, when fetching, could not be reached in time. {@link OcspInfo#error()} says which.
     */
    SERVER_FAILED("server_failed"),

    /** Nothing was stapled to the handshake (and nothing was fetched: see {@link OcspPolicy#fetch()}). */
    NOT_STAPLED("not_stapled"),

    /**
     * A response arrived but cannot be trusted: its signature does not verify against the certificate's issuer or
     * a responder the issuer authorised, it is about another certificate, it is out of date, or it is not an OCSP
     * response at all. {@link OcspInfo#error()} says which.
     */
    INVALID("invalid");

    private final String k6Name;

    OcspStatus(String k6Name) {
        this.k6Name = k6Name;
    }

    /**
     * The lower-case name: k6's {@code http.OCSP_STATUS_*} values {@code good}, {@code revoked}, {@code unknown}
     * and {@code server_failed}, and {@code not_stapled} and {@code invalid}, which k6 lacks. Also the value of
     * the {@code ocsp_status} metric tag.
     */
    public String k6Name() {
        return k6Name;
    }
}
