package dev.loadtest.internal.ocsp;

import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The BouncyCastle operators OCSP needs, on a provider instance of this package's own: the JVM's provider list is
 * never changed. Made on first use (a provider is costly to create).
 */
final class BouncyCastle {

    private BouncyCastle() {
    }

    private static final class Holder {
        static final Provider PROVIDER = new BouncyCastleProvider();
        static final DigestCalculatorProvider DIGESTS = digests();

        private static DigestCalculatorProvider digests() {
            try {
                return new JcaDigestCalculatorProviderBuilder().setProvider(PROVIDER).build();
            } catch (OperatorCreationException e) {
                throw new IllegalStateException("BouncyCastle offers no digests", e);
            }
        }
    }

    static DigestCalculatorProvider digests() {
        return Holder.DIGESTS;
    }

    static ContentVerifierProvider verifier(PublicKey key) throws OperatorCreationException {
        return new JcaContentVerifierProviderBuilder().setProvider(Holder.PROVIDER).build(key);
    }

    static ContentVerifierProvider verifier(X509CertificateHolder certificate) throws OperatorCreationException {
        try {
            return new JcaContentVerifierProviderBuilder().setProvider(Holder.PROVIDER).build(certificate);
        } catch (java.security.cert.CertificateException e) {
            throw new OperatorCreationException("cannot read the key of " + certificate.getSubject(), e);
        }
    }

    static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new JcaX509CertificateHolder(certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode " + certificate.getSubjectX500Principal(), e);
        }
    }
}
