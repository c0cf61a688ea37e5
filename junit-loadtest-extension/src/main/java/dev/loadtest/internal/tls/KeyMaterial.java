package dev.loadtest.internal.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads certificates, private keys and key stores. PEM keys in every format OpenSSL writes go through BouncyCastle;
 * decrypting uses a BouncyCastle provider instance of this class's own (the JVM's provider list is not changed).
 * Keys end up as JDK keys, which the JDK's TLS implementation signs with.
 */
final class KeyMaterial {

    private static final Map<String, String> KEY_ALGORITHMS = Map.of(
            "1.2.840.113549.1.1.1", "RSA",
            "1.2.840.113549.1.1.10", "RSASSA-PSS",
            "1.2.840.10045.2.1", "EC",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448",
            "1.2.840.10040.4.1", "DSA");

    private KeyMaterial() {
    }

    /** BouncyCastle, made when a key must be decrypted. */
    private static final class Bc {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    /** All certificates in {@code data}: PEM (one or more blocks) or DER. */
    static List<X509Certificate> certificates(byte[] data) throws TlsInputException {
        try {
            Collection<? extends Certificate> all = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(data));
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : all) {
                certificates.add((X509Certificate) c);
            }
            if (certificates.isEmpty()) {
                throw new TlsInputException("it holds no certificate (expected PEM blocks"
                        + " -----BEGIN CERTIFICATE----- or DER)");
            }
            return certificates;
        } catch (CertificateException e) {
            List<String> labels = pemLabels(data);
            throw new TlsInputException(labels.isEmpty()
                    ? "it is not a PEM or DER certificate file: " + e.getMessage()
                    : "it holds " + labels + " but no CERTIFICATE block");
        }
    }

    /** The labels of the PEM blocks in {@code data}, e.g. {@code [ENCRYPTED PRIVATE KEY]}. */
    private static List<String> pemLabels(byte[] data) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----")
                .matcher(new String(data, StandardCharsets.US_ASCII));
        List<String> labels = new ArrayList<>();
        while (m.find()) {
            labels.add(m.group(1));
        }
        return labels;
    }

    /** The first private key in PEM {@code data}, decrypted with {@code password} where it is encrypted. */
    static PrivateKey privateKey(byte[] data, char[] password) throws TlsInputException {
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                PrivateKeyInfo info = keyInfo(o, password);
                if (info != null) {
                    return jdkKey(info);
                }
            }
        } catch (IOException e) {
            throw new TlsInputException("it is not a readable PEM file: " + e.getMessage());
        }
        throw new TlsInputException("it holds no private key (expected a PEM block such as -----BEGIN PRIVATE KEY-----,"
                + " ENCRYPTED PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    private static PrivateKeyInfo keyInfo(Object o, char[] password) throws TlsInputException {
        try {
            return switch (o) {
                case PrivateKeyInfo info -> info;
                case PEMKeyPair pair -> pair.getPrivateKeyInfo();
                case PEMEncryptedKeyPair encrypted -> encrypted.decryptKeyPair(
                        new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(required(password)))
                        .getPrivateKeyInfo();
                case PKCS8EncryptedPrivateKeyInfo encrypted -> encrypted.decryptPrivateKeyInfo(
                        new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER)
                                .build(required(password)));
                default -> null; // certificates, EC PARAMETERS blocks and the like
            };
        } catch (TlsInputException e) {
            throw e;
        } catch (Exception e) {
            throw new TlsInputException("the key is encrypted and the password given does not decrypt it"
                    + " (wrong password?)");
        }
    }

    private static char[] required(char[] password) throws TlsInputException {
        if (password.length == 0) {
            throw new TlsInputException("the key is encrypted: give its password (password = \"env:NAME\","
                    + " \"sys:NAME\" or the password)");
        }
        return password;
    }

    private static PrivateKey jdkKey(PrivateKeyInfo info) throws TlsInputException {
        ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
        String algorithm = KEY_ALGORITHMS.get(oid.getId());
        if (algorithm == null) {
            throw new TlsInputException("its key algorithm " + oid.getId() + " is not supported: RSA, EC,"
                    + " Ed25519, Ed448, RSASSA-PSS and DSA are");
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsInputException("its " + algorithm + " key cannot be read: " + e.getMessage());
        }
    }

    /** Fails unless {@code key} belongs to {@code certificate}: a signature made with it must verify. */
    static void checkPair(PrivateKey key, X509Certificate certificate) throws TlsInputException {
        PublicKey publicKey = certificate.getPublicKey();
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            case "DSA" -> "SHA256withDSA";
            default -> null;
        };
        if (algorithm == null) {
            return;
        }
        try {
            byte[] data = new byte[32];
            new SecureRandom().nextBytes(data);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(data);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(data);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another type than the certificate's: reported below
        }
        throw new TlsInputException("the private key does not belong to the certificate "
                + certificate.getSubjectX500Principal().getName() + " (" + publicKey.getAlgorithm() + " key)");
    }

    /** A PKCS#12 (or JKS) key store. */
    static KeyStore keyStore(byte[] data, char[] password) throws TlsInputException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(data), password.length == 0 ? null : password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new TlsInputException("the password given does not open it (wrong password?)");
            }
            throw new TlsInputException("it is not a PKCS#12 or JKS key store: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new TlsInputException("it cannot be read as a PKCS#12 or JKS key store: " + e.getMessage());
        }
    }
}
