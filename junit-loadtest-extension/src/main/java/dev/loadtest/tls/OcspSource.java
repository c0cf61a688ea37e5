package dev.loadtest.tls;

/** Where an OCSP response came from. */
public enum OcspSource {

    /** The server stapled it to the TLS handshake (the {@code status_request} extension). */
    STAPLED,

    /**
     * The client fetched it from the responder named in the certificate's Authority Information Access, because
     * nothing was stapled and {@link OcspPolicy#fetch()} asked for it.
     */
    FETCHED
}
