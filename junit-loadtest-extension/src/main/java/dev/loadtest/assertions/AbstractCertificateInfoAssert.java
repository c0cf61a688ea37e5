package dev.loadtest.assertions;

import java.time.Duration;
import java.time.Instant;

import org.assertj.core.api.AbstractAssert;

import dev.loadtest.tls.CertificateInfo;

/**
 * Assertions on a {@link CertificateInfo}: names, key, signature algorithm and expiry.
 *
 * @param <SELF> the assertion class itself
 */
public abstract class AbstractCertificateInfoAssert<SELF extends AbstractCertificateInfoAssert<SELF>>
        extends AbstractAssert<SELF, CertificateInfo> {

    protected AbstractCertificateInfoAssert(CertificateInfo actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The subject is this distinguished name, as RFC 2253 writes it (e.g. {@code CN=localhost}). */
    public SELF hasSubject(String expected) {
        isNotNull();
        if (!actual.subject().equals(expected)) {
            failWithMessage("Expected the certificate's subject to be %s, but it was %s", expected, actual.subject());
        }
        return myself;
    }

    /** The issuer is this distinguished name, RFC 2253. */
    public SELF hasIssuer(String expected) {
        isNotNull();
        if (!actual.issuer().equals(expected)) {
            failWithMessage("Expected the certificate of %s to be issued by %s, but it was issued by %s",
                    actual.subject(), expected, actual.issuer());
        }
        return myself;
    }

    /** The subject alternative names include all of these (DNS names or IP addresses). */
    public SELF hasSubjectAlternativeName(String... expected) {
        isNotNull();
        for (String name : expected) {
            if (!actual.subjectAlternativeNames().contains(name)) {
                failWithMessage("Expected the certificate of %s to name %s, but its subject alternative names are %s",
                        actual.subject(), name, actual.subjectAlternativeNames());
            }
        }
        return myself;
    }

    /** The public key has this algorithm: {@code RSA}, {@code EC}, {@code Ed25519}... */
    public SELF hasKeyAlgorithm(String expected) {
        isNotNull();
        if (!actual.keyAlgorithm().equals(expected)) {
            failWithMessage("Expected the certificate of %s to have a %s key, but it has a %s key", actual.subject(),
                    expected, actual.keyAlgorithm());
        }
        return myself;
    }

    /** The key has this size in bits. */
    public SELF hasKeySize(int expected) {
        isNotNull();
        if (actual.keySize() != expected) {
            failWithMessage("Expected the certificate of %s to have a %s-bit key, but it has a %s-bit %s key",
                    actual.subject(), expected, actual.keySize(), actual.keyAlgorithm());
        }
        return myself;
    }

    /** The key has at least this size in bits. */
    public SELF hasKeySizeAtLeast(int min) {
        isNotNull();
        if (actual.keySize() < min) {
            failWithMessage("Expected the certificate of %s to have a key of at least %s bits, but it has a %s-bit"
                    + " %s key", actual.subject(), min, actual.keySize(), actual.keyAlgorithm());
        }
        return myself;
    }

    /** The issuer signed with this algorithm, e.g. {@code SHA256withRSA}. */
    public SELF hasSignatureAlgorithm(String expected) {
        isNotNull();
        if (!actual.signatureAlgorithm().equals(expected)) {
            failWithMessage("Expected the certificate of %s to be signed with %s, but it was signed with %s",
                    actual.subject(), expected, actual.signatureAlgorithm());
        }
        return myself;
    }

    /** The certificate is valid now and stays valid for at least {@code period}. */
    public SELF isValidForAtLeast(Duration period) {
        isNotNull();
        Instant now = Instant.now();
        if (!actual.isValidAt(now) || actual.notAfter().isBefore(now.plus(period))) {
            failWithMessage("Expected the certificate of %s to be valid for at least %s more days, but it %s %s",
                    actual.subject(), period.toDays(), actual.notAfter().isBefore(now) ? "expired" : "expires",
                    actual.notAfter() + " (" + actual.daysUntilExpiry() + " days from now)");
        }
        return myself;
    }

    /** The certificate expires within {@code period} (or has expired): for tests of renewal warnings. */
    public SELF expiresWithin(Duration period) {
        isNotNull();
        if (actual.notAfter().isAfter(Instant.now().plus(period))) {
            failWithMessage("Expected the certificate of %s to expire within %s days, but it expires %s (%s days"
                    + " from now)", actual.subject(), period.toDays(), actual.notAfter(), actual.daysUntilExpiry());
        }
        return myself;
    }

    /** The certificate is valid at this moment. */
    public SELF isValidAt(Instant instant) {
        isNotNull();
        if (!actual.isValidAt(instant)) {
            failWithMessage("Expected the certificate of %s to be valid at %s, but it is valid from %s to %s",
                    actual.subject(), instant, actual.notBefore(), actual.notAfter());
        }
        return myself;
    }
}
