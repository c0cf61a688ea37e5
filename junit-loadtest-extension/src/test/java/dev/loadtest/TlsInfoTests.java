package dev.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.loadtest.assertions.LoadAssertions;
import dev.loadtest.fixtures.IssuedCertificate;
import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.fixtures.Pem;
import dev.loadtest.fixtures.ServerTls;
import dev.loadtest.fixtures.TestPki;
import dev.loadtest.tls.CertificateInfo;
import dev.loadtest.tls.TlsInfo;
import dev.loadtest.tls.TlsTrust;
import dev.loadtest.tls.TlsVersion;

@DisplayName("Every HTTPS response carries the TLS facts of its connection")
class TlsInfoTests {

    static final String EC_ROOT_PEM = "file:" + TlsFixtures.DIR + "ec-root.pem";
    static final AtomicReference<LoadResponse> FIRST = new AtomicReference<>();
    static final AtomicReference<LoadResponse> LAST = new AtomicReference<>();
    static final AtomicReference<LoadResponse> PLAIN = new AtomicReference<>();

    /** An EC PKI whose root the fixture trusts next to the RSA one: written before any test runs the fixture. */
    static TestPki EC_PKI;

    @BeforeAll
    static void writeEcRoot() throws java.io.IOException {
        TlsFixtures.pki(); // writes the RSA root the fixture trusts
        EC_PKI = TestPki.builder().keyType(TestPki.KeyType.EC_P256).intermediate(true).build();
        java.nio.file.Files.createDirectories(Path.of(TlsFixtures.DIR));
        Pem.write(Path.of(TlsFixtures.DIR, "ec-root.pem"), Pem.certificates(EC_PKI.rootCertificate()));
    }

    @BeforeEach
    void reset() {
        FIRST.set(null);
        LAST.set(null);
        PLAIN.set(null);
    }

    @TlsTrust(certificates = {TlsFixtures.ROOT_PEM, EC_ROOT_PEM})
    static class Fixture {
        @LoadTest(vus = 1, iterations = 2)
        void run(Http http) {
            LoadResponse res = http.get(TlsFixtures.TARGET.get());
            FIRST.compareAndSet(null, res);
            LAST.set(res);
        }
    }

    private static void run(ServerTls tls) {
        try (LoopbackServer server = LoopbackServer.builder().https(tls).start()) {
            TlsFixtures.TARGET.set(server.uri("/ok"));
            TlsFixtures.runPassing(Fixture.class);
        }
    }

    @Test
    @DisplayName("version, cipher suite, ALPN and the leaf's subject, issuer, SANs, validity, key and signature")
    void leafFacts() {
        X509Certificate expected = TlsFixtures.pki().serverCertificate().certificate();
        run(TlsFixtures.serverTls());

        TlsInfo tls = FIRST.get().tls().orElseThrow();
        assertThat(tls.version()).isEqualTo(TlsVersion.TLS_1_3);
        assertThat(tls.protocol()).isEqualTo("TLSv1.3");
        assertThat(tls.cipherSuite()).startsWith("TLS_");
        assertThat(tls.alpn()).isEqualTo("h2");
        assertThat(tls.peerHost()).isEqualTo("localhost");
        assertThat(tls.peerCertificates()).hasSize(1);

        CertificateInfo leaf = tls.leaf();
        assertThat(leaf.subject()).isEqualTo("CN=localhost");
        assertThat(leaf.issuer()).isEqualTo(TlsFixtures.pki().rootCertificate().getSubjectX500Principal().getName());
        assertThat(leaf.subjectAlternativeNames()).containsExactly("localhost", "127.0.0.1");
        assertThat(leaf.notBefore()).isCloseTo(expected.getNotBefore().toInstant(), within(1, ChronoUnit.MINUTES));
        assertThat(leaf.notAfter()).isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(1, ChronoUnit.HOURS));
        assertThat(leaf.daysUntilExpiry()).isBetween(29L, 30L);
        assertThat(leaf.keyAlgorithm()).isEqualTo("RSA");
        assertThat(leaf.keySize()).isEqualTo(2048);
        assertThat(leaf.signatureAlgorithm()).isEqualTo("SHA256withRSA");
        assertThat(leaf.isValidAt(Instant.now())).isTrue();

        // A reused connection carries the same facts, without the handshake.
        LoadAssertions.assertThat(LAST.get()).hasNoTlsHandshake().hasTlsVersion(TlsVersion.TLS_1_3).hasAlpn("h2")
                .certificate().hasSubject("CN=localhost").hasSubjectAlternativeName("localhost", "127.0.0.1")
                .hasKeyAlgorithm("RSA").hasKeySize(2048).hasSignatureAlgorithm("SHA256withRSA")
                .isValidForAtLeast(Duration.ofDays(29)).expiresWithin(Duration.ofDays(31));
        assertThat(LAST.get().tls().orElseThrow()).isSameAs(tls);
    }

    @Test
    @DisplayName("an EC certificate issued by an intermediate: chain of two, 256-bit EC key, ECDSA signature;"
            + " HTTP/1.1 when the server offers no h2")
    void ecChain() {
        TestPki ec = EC_PKI;
        IssuedCertificate server = ec.serverCertificate();
        run(ServerTls.of(server.privateKey(), server.chain().toArray(X509Certificate[]::new)).http2(false)
                .protocols("TLSv1.2"));

        LoadAssertions.assertThat(FIRST.get()).hasStatus(200).hasTlsHandshake()
                .hasVersion(HttpClient.Version.HTTP_1_1).hasTlsVersion(TlsVersion.TLS_1_2)
                .tls().hasChainLength(2).leaf().hasKeyAlgorithm("EC").hasKeySize(256)
                .hasSignatureAlgorithm("SHA256withECDSA").hasIssuer(ec.intermediateCertificate().orElseThrow()
                        .getSubjectX500Principal().getName());
        assertThat(FIRST.get().tls().orElseThrow().alpn()).isIn("", "http/1.1");
        assertThat(FIRST.get().tls().orElseThrow().peerCertificates().get(1).subject())
                .isEqualTo(ec.intermediateCertificate().orElseThrow().getSubjectX500Principal().getName());
    }

    @Test
    @DisplayName("CertificateInfo reads any certificate, e.g. for assertions outside a load test")
    void certificateInfoOf() {
        CertificateInfo root = CertificateInfo.of(TlsFixtures.pki().rootCertificate());
        assertThat(root.subject()).isEqualTo(root.issuer());
        assertThat(root.subjectAlternativeNames()).isEmpty();
        assertThat(root.serialNumber()).isEqualTo(TlsFixtures.pki().rootCertificate().getSerialNumber());
        IssuedCertificate expired = TlsFixtures.pki().expiredServerCertificate();
        assertThat(CertificateInfo.of(expired.certificate()).daysUntilExpiry()).isEqualTo(-1);
    }

    static class PlainFixture {
        @LoadTest(vus = 1, iterations = 1)
        void run(Http http) {
            PLAIN.set(http.get(TlsFixtures.TARGET.get()));
        }
    }

    @Test
    @DisplayName("plain HTTP responses have no TLS facts and no connect or handshake timings")
    void plainHttp() {
        try (LoopbackServer server = LoopbackServer.http()) {
            TlsFixtures.TARGET.set(server.uri("/ok"));
            TlsFixtures.runPassing(PlainFixture.class);
        }
        LoadResponse res = PLAIN.get();
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.tls()).isEmpty();
        assertThat(res.timings().connecting()).isZero();
        assertThat(res.timings().tlsHandshaking()).isZero();
    }
}
