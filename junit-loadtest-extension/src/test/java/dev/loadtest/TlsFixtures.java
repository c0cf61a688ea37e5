package dev.loadtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.loadtest.fixtures.IssuedCertificate;
import dev.loadtest.fixtures.Pem;
import dev.loadtest.fixtures.ServerTls;
import dev.loadtest.fixtures.TestPki;

/**
 * What the TLS tests share: one test PKI per JVM (RSA keys are slow to make), its files at the fixed paths the
 * fixtures' annotations name (annotation values must be constants), and the URI the fixtures request.
 */
final class TlsFixtures {

    /** Files the fixtures' annotations name; relative to the module directory, where the tests run. */
    static final String DIR = "target/tls-fixtures/";
    static final String ROOT_PEM = "file:" + DIR + "root.pem";
    static final String ALICE_CERT = "file:" + DIR + "alice.pem";
    static final String ALICE_KEY = "file:" + DIR + "alice-key.p8.pem";
    static final String BOB_P12 = "classpath:tls-fixtures/bob.p12";
    static final String ALICE_PASSWORD_KEY = "tls.test.alice.password";
    static final String BOB_PASSWORD_KEY = "tls.test.bob.password";
    static final String ALICE_PASSWORD = "alice-secret-1";
    static final String BOB_PASSWORD = "bob-secret-2";

    /** The URI the current fixture requests. */
    static final AtomicReference<URI> TARGET = new AtomicReference<>();

    private TlsFixtures() {
    }

    private static final class Holder {
        static final TestPki PKI = TestPki.create();
        static final IssuedCertificate SERVER = PKI.serverCertificate();
        static final IssuedCertificate ALICE = PKI.clientCertificate("CN=alice,O=junit-loadtest");
        static final IssuedCertificate BOB = PKI.clientCertificate("CN=bob,O=junit-loadtest");

        static {
            try {
                Path dir = Files.createDirectories(Path.of(DIR));
                Pem.write(dir.resolve("root.pem"), Pem.certificates(PKI.rootCertificate()));
                Pem.write(dir.resolve("alice.pem"), Pem.certificates(ALICE.chain()));
                Pem.write(dir.resolve("alice-key.p8.pem"),
                        Pem.encryptedPrivateKey(ALICE.privateKey(), ALICE_PASSWORD.toCharArray()));
                Path classpath = Files.createDirectories(Path.of("target/test-classes/tls-fixtures"));
                BOB.writePkcs12(classpath.resolve("bob.p12"), BOB_PASSWORD.toCharArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static TestPki pki() {
        return Holder.PKI;
    }

    /** The server certificate for localhost and 127.0.0.1, issued by the root in {@link #ROOT_PEM}. */
    static ServerTls serverTls() {
        return ServerTls.of(Holder.SERVER.privateKey(), Holder.SERVER.chain().toArray(
                java.security.cert.X509Certificate[]::new));
    }

    static IssuedCertificate alice() {
        return Holder.ALICE;
    }

    static IssuedCertificate bob() {
        return Holder.BOB;
    }

    /** Runs a fixture class that must pass, and says why when it did not. */
    static EngineExecutionResults runPassing(Class<?> fixture, String... configKeysAndValues) {
        EngineExecutionResults results = TestKit.run(fixture, configKeysAndValues);
        results.testEvents().failed().stream().findFirst().ifPresent(failed -> {
            Throwable cause = failed.getRequiredPayload(TestExecutionResult.class).getThrowable().orElse(null);
            throw new AssertionError(fixture.getSimpleName() + " failed: " + cause, cause);
        });
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        return results;
    }

    /** The configuration parameters that hold the client key passwords (for {@code sys:}). */
    static String[] passwords() {
        return new String[] {ALICE_PASSWORD_KEY, ALICE_PASSWORD, BOB_PASSWORD_KEY, BOB_PASSWORD};
    }

    /**
     * A TCP relay on 127.0.0.1 that counts the connections it accepts: the number of TCP (and so TLS) connections
     * the client opened, counted outside the library under test.
     */
    static final class CountingProxy implements AutoCloseable {

        private final ServerSocket server;
        private final int targetPort;
        private final AtomicInteger accepted = new AtomicInteger();
        private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
        private volatile boolean closed;

        CountingProxy(int targetPort) throws IOException {
            this.targetPort = targetPort;
            this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().name("counting-proxy").start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        private void accept() {
            while (!closed) {
                try {
                    Socket client = server.accept();
                    accepted.incrementAndGet();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    client.setTcpNoDelay(true);
                    upstream.setTcpNoDelay(true);
                    sockets.add(client);
                    sockets.add(upstream);
                    relay(client, upstream);
                    relay(upstream, client);
                } catch (IOException e) {
                    if (closed) {
                        return;
                    }
                }
            }
        }

        private void relay(Socket from, Socket to) {
            Thread.ofVirtual().start(() -> {
                try {
                    InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream();
                    byte[] buffer = new byte[16 * 1024];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        out.write(buffer, 0, n);
                    }
                    to.shutdownOutput();
                } catch (IOException e) {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            });
        }

        private void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
            sockets.remove(s);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            server.close();
            sockets.forEach(this::closeQuietly);
        }
    }
}
