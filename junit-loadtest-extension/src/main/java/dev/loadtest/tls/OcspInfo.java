package dev.loadtest.tls;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The OCSP status of the server certificate on one connection: what the stapled (or fetched) response says, once
 * its signature, certificate ID and validity period are checked. Every response over the connection carries the
 * same value (see {@link TlsInfo#ocsp()}).
 *
 * <pre>{@code
 * OcspInfo ocsp = res.tls().orElseThrow().ocsp();
 * ocsp.status();              // OcspStatus.REVOKED
 * ocsp.revocationReason();    // Optional[KEY_COMPROMISE]
 * ocsp.revokedAt();           // Optional[2025-01-31T10:15:00Z]
 * ocsp.source();              // Optional[STAPLED]
 * }</pre>
 *
 * <p>Times are {@link Instant}s (k6 returns seconds where it documents milliseconds). Immutable.
 */
public final class OcspInfo {

    private static final OcspInfo NOT_STAPLED =
            new OcspInfo(OcspStatus.NOT_STAPLED, null, null, null, null, null, null, null);

    private final OcspStatus status;
    private final OcspSource source;
    private final Instant producedAt;
    private final Instant thisUpdate;
    private final Instant nextUpdate;
    private final Instant revokedAt;
    private final RevocationReason revocationReason;
    private final String error;

    private OcspInfo(OcspStatus status, OcspSource source, Instant producedAt, Instant thisUpdate,
            Instant nextUpdate, Instant revokedAt, RevocationReason revocationReason, String error) {
        this.status = status;
        this.source = source;
        this.producedAt = producedAt;
        this.thisUpdate = thisUpdate;
        this.nextUpdate = nextUpdate;
        this.revokedAt = revokedAt;
        this.revocationReason = revocationReason;
        this.error = error;
    }

    /** Nothing stapled and nothing fetched. */
    public static OcspInfo notStapled() {
        return NOT_STAPLED;
    }

    /** Status {@link OcspStatus#GOOD}. */
    public static OcspInfo good(OcspSource source, Instant producedAt, Instant thisUpdate, Instant nextUpdate) {
        return answered(OcspStatus.GOOD, source, producedAt, thisUpdate, nextUpdate, null, null);
    }

    /** Status {@link OcspStatus#UNKNOWN}. */
    public static OcspInfo unknown(OcspSource source, Instant producedAt, Instant thisUpdate, Instant nextUpdate) {
        return answered(OcspStatus.UNKNOWN, source, producedAt, thisUpdate, nextUpdate, null, null);
    }

    /**
     * Status {@link OcspStatus#REVOKED}.
     *
     * @param nextUpdate may be null: the responder has newer information at any time
     */
    public static OcspInfo revoked(OcspSource source, Instant producedAt, Instant thisUpdate, Instant nextUpdate,
            Instant revokedAt, RevocationReason reason) {
        return answered(OcspStatus.REVOKED, source, producedAt, thisUpdate, nextUpdate,
                Objects.requireNonNull(revokedAt, "revokedAt"), Objects.requireNonNull(reason, "reason"));
    }

    /** Status {@link OcspStatus#SERVER_FAILED}, and why, e.g. {@code responder answered tryLater (3)}. */
    public static OcspInfo serverFailed(OcspSource source, String error) {
        return new OcspInfo(OcspStatus.SERVER_FAILED, Objects.requireNonNull(source, "source"), null, null, null,
                null, null, Objects.requireNonNull(error, "error"));
    }

    /** Status {@link OcspStatus#INVALID}, and why, e.g. {@code the signature does not verify ...}. */
    public static OcspInfo invalid(OcspSource source, String error) {
        return new OcspInfo(OcspStatus.INVALID, Objects.requireNonNull(source, "source"), null, null, null, null,
                null, Objects.requireNonNull(error, "error"));
    }

    private static OcspInfo answered(OcspStatus status, OcspSource source, Instant producedAt, Instant thisUpdate,
            Instant nextUpdate, Instant revokedAt, RevocationReason reason) {
        return new OcspInfo(status, Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(producedAt, "producedAt"), Objects.requireNonNull(thisUpdate, "thisUpdate"),
                nextUpdate, revokedAt, reason, null);
    }

    /** The status. */
    public OcspStatus status() {
        return status;
    }

    /** Where the response came from; empty for {@link OcspStatus#NOT_STAPLED}. */
    public Optional<OcspSource> source() {
        return Optional.ofNullable(source);
    }

    /** Whether the server stapled the response. */
    public boolean isStapled() {
        return source == OcspSource.STAPLED;
    }

    /** Whether the client fetched the response from the responder. */
    public boolean isFetched() {
        return source == OcspSource.FETCHED;
    }

    /** When the responder signed the response; present for GOOD, REVOKED and UNKNOWN. */
    public Optional<Instant> producedAt() {
        return Optional.ofNullable(producedAt);
    }

    /** The time at which the status was known to be correct; present for GOOD, REVOKED and UNKNOWN. */
    public Optional<Instant> thisUpdate() {
        return Optional.ofNullable(thisUpdate);
    }

    /** When newer information will be available; empty when the response does not say. */
    public Optional<Instant> nextUpdate() {
        return Optional.ofNullable(nextUpdate);
    }

    /** When the certificate was revoked; present for REVOKED only. */
    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    /**
     * Why the certificate was revoked; present for REVOKED only ({@link RevocationReason#UNSPECIFIED} when the
     * response states no reason).
     */
    public Optional<RevocationReason> revocationReason() {
        return Optional.ofNullable(revocationReason);
    }

    /** What went wrong, for SERVER_FAILED and INVALID. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OcspInfo that && status == that.status && source == that.source
                && Objects.equals(producedAt, that.producedAt) && Objects.equals(thisUpdate, that.thisUpdate)
                && Objects.equals(nextUpdate, that.nextUpdate) && Objects.equals(revokedAt, that.revokedAt)
                && revocationReason == that.revocationReason && Objects.equals(error, that.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, source, producedAt, thisUpdate, nextUpdate, revokedAt, revocationReason, error);
    }

    /** E.g. {@code OCSP REVOKED (stapled) at 2025-01-31T10:15:00Z, KEY_COMPROMISE}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("OCSP ").append(status);
        if (source != null) {
            sb.append(" (").append(source.name().toLowerCase(Locale.ROOT)).append(')');
        }
        if (revokedAt != null) {
            sb.append(" at ").append(revokedAt).append(", ").append(revocationReason);
        }
        if (thisUpdate != null) {
            sb.append(", thisUpdate ").append(thisUpdate);
        }
        if (nextUpdate != null) {
            sb.append(", nextUpdate ").append(nextUpdate);
        }
        if (error != null) {
            sb.append(": ").append(error);
        }
        return sb.toString();
    }
}
