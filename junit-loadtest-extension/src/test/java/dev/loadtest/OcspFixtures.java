package dev.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import dev.loadtest.fixtures.IssuedCertificate;
import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.fixtures.Pem;
import dev.loadtest.fixtures.ServerTls;
import dev.loadtest.fixtures.TestPki;

/**
 * What the OCSP tests share: one EC test PKI per JVM, its root at the fixed path the fixtures' {@code @TlsTrust}
 * names (annotation values are constants), and small HTTPS servers that staple or do not.
 */
final class OcspFixtures {

    /** Relative to the module directory, where the tests run. */
    static final String ROOT_PEM = "file:target/ocsp-fixtures/root.pem";

    private OcspFixtures() {
    }

    private static final class Holder {
        static final TestPki PKI = TestPki.builder().keyType(TestPki.KeyType.EC_P256).build();

        static {
            try {
                Path dir = Files.createDirectories(Path.of("target/ocsp-fixtures"));
                Pem.write(dir.resolve("root.pem"), Pem.certificates(PKI.rootCertificate()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static TestPki pki() {
        return Holder.PKI;
    }

    /** A server that staples its certificate's OCSP response; it presents the issuer too (the JDK needs it). */
    static LoopbackServer stapling(IssuedCertificate certificate) {
        return server(ServerTls.of(certificate.privateKey(), certificate.certificate(), certificate.issuer())
                .ocspStapling(true));
    }

    /** A server that staples nothing and presents only its own certificate (the client must know the issuer). */
    static LoopbackServer notStapling(IssuedCertificate certificate) {
        return server(ServerTls.of(certificate.privateKey(), certificate.certificate()));
    }

    private static LoopbackServer server(ServerTls tls) {
        return LoopbackServer.builder().https(tls).containerThreads(20).start();
    }

    /** A trust manager that trusts the PKI's root, for tests that build clients themselves. */
    static X509TrustManager trustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(pki().trustStore());
            for (TrustManager m : factory.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("no X509TrustManager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The chain a server presents, leaf first, with its issuer. */
    static List<X509Certificate> chain(IssuedCertificate certificate) {
        return List.of(certificate.certificate(), certificate.issuer());
    }
}
