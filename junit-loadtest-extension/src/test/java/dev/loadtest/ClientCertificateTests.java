package dev.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.loadtest.assertions.LoadAssertions;
import dev.loadtest.fixtures.IssuedCertificate;
import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.fixtures.Pem;
import dev.loadtest.fixtures.ServerTls;
import dev.loadtest.fixtures.TestPki;
import dev.loadtest.tls.ClientCertificate;
import dev.loadtest.tls.TlsTrust;

@DisplayName("@ClientCertificate presents, per host connected to, the certificate configured for it")
class ClientCertificateTests {

    static final String CAROL_CERT = "file:" + TlsFixtures.DIR + "carol.pem";
    static final String CAROL_KEY = "file:" + TlsFixtures.DIR + "carol-key.legacy.pem";
    static final String CAROL_PASSWORD = "carol-secret-3";

    /** host, then what /echo-client-cert answered (or the error). */
    static final Queue<Map.Entry<String, String>> ECHOES = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void reset() {
        ECHOES.clear();
    }

    static void echo(Http http, String host) {
        URI base = TlsFixtures.TARGET.get();
        LoadResponse res = http.get(URI.create("https://" + host + ":" + base.getPort() + "/echo-client-cert"));
        ECHOES.add(Map.entry(host, res.error().map(Object::toString).orElse(res.body())));
    }

    @TlsTrust(certificates = TlsFixtures.ROOT_PEM)
    @ClientCertificate(domains = "localhost", cert = TlsFixtures.ALICE_CERT, key = TlsFixtures.ALICE_KEY,
            password = "sys:" + TlsFixtures.ALICE_PASSWORD_KEY)
    @ClientCertificate(domains = "127.0.0.1", keyStore = TlsFixtures.BOB_P12,
            password = "sys:" + TlsFixtures.BOB_PASSWORD_KEY)
    static class TwoHostsFixture {
        @LoadTest(vus = 2, iterations = 4)
        void run(Http http) {
            echo(http, "localhost");
            echo(http, "127.0.0.1");
        }
    }

    @Test
    @DisplayName("localhost and 127.0.0.1 each get their own certificate (encrypted PKCS#8 and PKCS#12) from a"
            + " server that requires one")
    void twoHosts() {
        String alice = TlsFixtures.alice().certificate().getSubjectX500Principal().getName();
        String bob = TlsFixtures.bob().certificate().getSubjectX500Principal().getName();
        ServerTls needs = TlsFixtures.serverTls().clientAuth(ServerTls.ClientAuth.NEED)
                .trustedClientIssuers(TlsFixtures.pki().clientCaCertificate());
        try (LoopbackServer server = LoopbackServer.builder().https(needs).start()) {
            TlsFixtures.TARGET.set(server.baseUri());
            TlsFixtures.runPassing(TwoHostsFixture.class, TlsFixtures.passwords());
        }
        assertThat(alice).isNotEqualTo(bob);
        assertThat(ECHOES).hasSize(8).containsOnly(Map.entry("localhost", alice), Map.entry("127.0.0.1", bob))
                .contains(Map.entry("localhost", alice), Map.entry("127.0.0.1", bob));
    }

    @TlsTrust(certificates = TlsFixtures.ROOT_PEM)
    @ClientCertificate(domains = {"*.localhost", "127.0.0.2"}, cert = TlsFixtures.ALICE_CERT,
            key = TlsFixtures.ALICE_KEY, password = "sys:" + TlsFixtures.ALICE_PASSWORD_KEY)
    @ClientCertificate(domains = "LOCALHOST", cert = CAROL_CERT, key = CAROL_KEY, password = CAROL_PASSWORD)
    static class NoEntryFixture {
        @LoadTest(vus = 1, iterations = 2)
        void run(Http http) {
            echo(http, "localhost");
            echo(http, "127.0.0.1");
        }
    }

    @Test
    @DisplayName("a host no entry names sends no certificate (*.localhost is not localhost); an EC key in legacy"
            + " OpenSSL encryption works")
    void hostWithoutEntry() {
        TlsFixtures.pki(); // creates the folder and the files the fixtures trust
        TestPki ec = TestPki.builder().keyType(TestPki.KeyType.EC_P256).build();
        IssuedCertificate carol = ec.clientCertificate("CN=carol");
        Pem.write(Path.of(TlsFixtures.DIR, "carol.pem"), Pem.certificates(carol.chain()));
        Pem.write(Path.of(TlsFixtures.DIR, "carol-key.legacy.pem"),
                Pem.legacyEncryptedPrivateKey(carol.privateKey(), CAROL_PASSWORD.toCharArray()));
        ServerTls wants = TlsFixtures.serverTls().clientAuth(ServerTls.ClientAuth.WANT)
                .trustedClientIssuers(TlsFixtures.pki().clientCaCertificate(), ec.clientCaCertificate());
        try (LoopbackServer server = LoopbackServer.builder().https(wants).start()) {
            TlsFixtures.TARGET.set(server.baseUri());
            TlsFixtures.runPassing(NoEntryFixture.class, TlsFixtures.passwords());
        }
        assertThat(ECHOES).hasSize(4).containsOnly(Map.entry("localhost", "CN=carol"), Map.entry("127.0.0.1", "none"));
    }

    static final Queue<LoadResponse> RESPONSES = new ConcurrentLinkedQueue<>();

    @TlsTrust(certificates = TlsFixtures.ROOT_PEM)
    @ClientCertificate(domains = "127.0.0.1", keyStore = TlsFixtures.BOB_P12,
            password = "sys:" + TlsFixtures.BOB_PASSWORD_KEY)
    static class RefusedFixture {
        @LoadTest(vus = 1, iterations = 2)
        void run(Http http) {
            RESPONSES.add(http.get(TlsFixtures.TARGET.get()));
        }
    }

    @Test
    @DisplayName("a server that requires a certificate refuses a host without one: a failed response with the alert")
    void refusedWithoutCertificate() {
        RESPONSES.clear();
        ServerTls needs = TlsFixtures.serverTls().clientAuth(ServerTls.ClientAuth.NEED)
                .trustedClientIssuers(TlsFixtures.pki().clientCaCertificate());
        try (LoopbackServer server = LoopbackServer.builder().https(needs).start()) {
            TlsFixtures.TARGET.set(server.uri("/echo-client-cert"));
            TlsFixtures.runPassing(RefusedFixture.class, TlsFixtures.passwords());
        }
        assertThat(RESPONSES).hasSize(2).allSatisfy(res ->
                LoadAssertions.assertThat(res).isFailed().isTlsFailure().hasTlsAlert("certificate_required"));
    }
}
