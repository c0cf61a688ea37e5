package dev.loadtest.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import dev.loadtest.fixtures.IssuedCertificate;
import dev.loadtest.fixtures.Pem;
import dev.loadtest.fixtures.ServerTls;
import dev.loadtest.fixtures.TestPki;

/**
 * The samples' test PKI, made when first used (nothing is committed) and written to the fixed paths that the
 * samples' annotations name. The client key password comes from the system property
 * {@code sample.client.password}, as a CI secret would (Surefire sets it in samples/pom.xml).
 */
final class SampleTls {

    static final String ROOT = "file:target/sample-pki/root.pem";
    static final String CLIENT_CERT = "file:target/sample-pki/client.pem";
    static final String CLIENT_KEY = "file:target/sample-pki/client-key.pem";
    static final String CLIENT_PASSWORD = "sys:sample.client.password";

    private SampleTls() {
    }

    private static final class Holder {
        static final TestPki PKI = TestPki.create();
        static final IssuedCertificate SERVER = PKI.serverCertificate();
        static final IssuedCertificate CLIENT = PKI.clientCertificate("CN=load-tester,O=junit-loadtest samples");

        static {
            try {
                Path dir = Files.createDirectories(Path.of("target/sample-pki"));
                Pem.write(dir.resolve("root.pem"), Pem.certificates(PKI.rootCertificate()));
                Pem.write(dir.resolve("client.pem"), Pem.certificates(CLIENT.chain()));
                Pem.write(dir.resolve("client-key.pem"), Pem.encryptedPrivateKey(CLIENT.privateKey(),
                        System.getProperty("sample.client.password", "").toCharArray()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Server TLS with a certificate for localhost and 127.0.0.1, issued by {@link #ROOT}. */
    static ServerTls server() {
        return ServerTls.of(Holder.SERVER.privateKey(), Holder.SERVER.chain().toArray(X509Certificate[]::new));
    }

    /** The CA that issued the client certificate, for servers that require one. */
    static X509Certificate clientIssuer() {
        return Holder.CLIENT.issuer();
    }
}
