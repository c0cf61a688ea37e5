package dev.loadtest.assertions;

import java.time.Instant;

import org.assertj.core.api.AbstractAssert;

import dev.loadtest.tls.OcspInfo;
import dev.loadtest.tls.OcspStatus;
import dev.loadtest.tls.RevocationReason;

/**
 * Assertions on an {@link OcspInfo}: status, stapled or fetched, revocation reason and time. Failure messages show
 * the whole OCSP result, including why a response was INVALID or the responder failed.
 *
 * @param <SELF> the assertion class itself
 */
public abstract class AbstractOcspInfoAssert<SELF extends AbstractOcspInfoAssert<SELF>>
        extends AbstractAssert<SELF, OcspInfo> {

    protected AbstractOcspInfoAssert(OcspInfo actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The OCSP status is {@code expected}. */
    public SELF hasStatus(OcspStatus expected) {
        isNotNull();
        if (actual.status() != expected) {
            failWithMessage("Expected the OCSP status to be %s, but it was %s", expected, actual);
        }
        return myself;
    }

    /** The server stapled the response. */
    public SELF isStapled() {
        isNotNull();
        if (!actual.isStapled()) {
            failWithMessage("Expected a stapled OCSP response, but got %s", actual);
        }
        return myself;
    }

    /** The client fetched the response from the certificate's responder. */
    public SELF isFetched() {
        isNotNull();
        if (!actual.isFetched()) {
            failWithMessage("Expected an OCSP response fetched from the responder, but got %s", actual);
        }
        return myself;
    }

    /** The certificate is revoked for this reason. */
    public SELF hasRevocationReason(RevocationReason expected) {
        isNotNull();
        if (actual.revocationReason().orElse(null) != expected) {
            failWithMessage("Expected the certificate to be revoked for %s, but got %s", expected, actual);
        }
        return myself;
    }

    /** The certificate was revoked at {@code expected}, exactly. */
    public SELF wasRevokedAt(Instant expected) {
        Instant at = revokedAt("at " + expected);
        if (!at.equals(expected)) {
            failWithMessage("Expected the certificate to be revoked at %s, but it was revoked at %s", expected, at);
        }
        return myself;
    }

    /** The certificate was revoked at or after {@code earliest}. */
    public SELF wasRevokedNotBefore(Instant earliest) {
        Instant at = revokedAt("at or after " + earliest);
        if (at.isBefore(earliest)) {
            failWithMessage("Expected the certificate to be revoked at or after %s, but it was revoked at %s",
                    earliest, at);
        }
        return myself;
    }

    /** The certificate was revoked at or before {@code latest}. */
    public SELF wasRevokedNotAfter(Instant latest) {
        Instant at = revokedAt("at or before " + latest);
        if (at.isAfter(latest)) {
            failWithMessage("Expected the certificate to be revoked at or before %s, but it was revoked at %s",
                    latest, at);
        }
        return myself;
    }

    /** The certificate was revoked between {@code earliest} and {@code latest}, both included. */
    public SELF wasRevokedBetween(Instant earliest, Instant latest) {
        return wasRevokedNotBefore(earliest).wasRevokedNotAfter(latest);
    }

    /** The result is SERVER_FAILED or INVALID with an error containing {@code part}. */
    public SELF hasErrorContaining(String part) {
        isNotNull();
        if (actual.error().filter(e -> e.contains(part)).isEmpty()) {
            failWithMessage("Expected an OCSP error containing \"%s\", but got %s", part, actual);
        }
        return myself;
    }

    private Instant revokedAt(String expected) {
        isNotNull();
        if (actual.revokedAt().isEmpty()) {
            failWithMessage("Expected the certificate to be revoked %s, but got %s", expected, actual);
        }
        return actual.revokedAt().orElseThrow();
    }
}
