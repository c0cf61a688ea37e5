package dev.loadtest.tls;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.interfaces.XECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The facts of one X.509 certificate that load tests assert on.
 *
 * @param certificate the certificate itself
 * @param subject the subject's distinguished name as RFC 2253 writes it, e.g. {@code CN=localhost}
 * @param issuer the issuer's distinguished name, RFC 2253
 * @param subjectAlternativeNames DNS names and IP addresses (then e-mail addresses and URIs) of the
 *     subject alternative name extension, as plain values: {@code localhost}, {@code 127.0.0.1}
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param keyAlgorithm the public key's algorithm: {@code RSA}, {@code EC}, {@code Ed25519}...
 * @param keySize the key size in bits: the RSA modulus, the EC field (256 for P-256); 0 when unknown
 * @param signatureAlgorithm the algorithm the issuer signed with, e.g. {@code SHA256withRSA}
 */
public record CertificateInfo(X509Certificate certificate, String subject, String issuer,
        List<String> subjectAlternativeNames, Instant notBefore, Instant notAfter, String keyAlgorithm, int keySize,
        String signatureAlgorithm) {

    public CertificateInfo {
        Objects.requireNonNull(certificate, "certificate");
        subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
    }

    /** The facts of {@code certificate}. */
    public static CertificateInfo of(X509Certificate certificate) {
        PublicKey key = certificate.getPublicKey();
        return new CertificateInfo(certificate, certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(), alternativeNames(certificate),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                keyAlgorithm(key), keySize(key), certificate.getSigAlgName());
    }

    /** The serial number. */
    public BigInteger serialNumber() {
        return certificate.getSerialNumber();
    }

    /** Time left until {@link #notAfter()}; negative once expired. */
    public Duration timeUntilExpiry() {
        return Duration.between(Instant.now(), notAfter);
    }

    /**
     * Whole days until {@link #notAfter()}, truncated toward zero (as {@link Duration#toDays()}): 29 for 29.9 days,
     * -1 a day and a half after expiry; check {@link #isValidAt(Instant)} on the day itself.
     */
    public long daysUntilExpiry() {
        return timeUntilExpiry().toDays();
    }

    /** Whether {@code instant} lies within the validity period. */
    public boolean isValidAt(Instant instant) {
        return !instant.isBefore(notBefore) && !instant.isAfter(notAfter);
    }

    private static List<String> alternativeNames(X509Certificate certificate) {
        Collection<List<?>> entries;
        try {
            entries = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return List.of();
        }
        if (entries == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (int type : new int[] {2, 7, 1, 6}) { // dNSName, iPAddress, rfc822Name, URI
            for (List<?> entry : entries) {
                if (entry.size() >= 2 && entry.get(0) instanceof Integer t && t == type
                        && entry.get(1) instanceof String value) {
                    names.add(value);
                }
            }
        }
        return names;
    }

    private static String keyAlgorithm(PublicKey key) {
        if (key instanceof EdECPublicKey ed) {
            return ed.getParams().getName();
        }
        if (key instanceof XECPublicKey xec && xec.getParams() instanceof java.security.spec.NamedParameterSpec n) {
            return n.getName();
        }
        return key.getAlgorithm();
    }

    private static int keySize(PublicKey key) {
        return switch (key) {
            case RSAPublicKey rsa -> rsa.getModulus().bitLength();
            case ECPublicKey ec -> ec.getParams().getCurve().getField().getFieldSize();
            case DSAPublicKey dsa -> dsa.getParams() == null ? 0 : dsa.getParams().getP().bitLength();
            case EdECPublicKey ed -> "Ed448".equals(ed.getParams().getName()) ? 456 : 256;
            default -> 0;
        };
    }
}
