package dev.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.loadtest.assertions.LoadAssertions;
import dev.loadtest.fixtures.IssuedCertificate;
import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.fixtures.ServerTls;
import dev.loadtest.tls.TlsTrust;

@DisplayName("Trust: host names are verified through the timing wrapper, CAs come from @TlsTrust")
class TrustTests {

    static final AtomicReference<LoadResult> RESULT = new AtomicReference<>();
    static final Queue<LoadResponse> RESPONSES = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void reset() {
        RESULT.set(null);
        RESPONSES.clear();
    }

    abstract static class Base {
        @AfterEach
        void after(LoadResult result) {
            RESULT.set(result);
        }

        static void get(Http http) {
            RESPONSES.add(http.get(TlsFixtures.TARGET.get()));
        }
    }

    private static ServerTls serverFor(String... names) {
        IssuedCertificate certificate = TlsFixtures.pki().serverCertificate(names);
        return ServerTls.of(certificate.privateKey(), certificate.chain().toArray(X509Certificate[]::new));
    }

    private static LoadResult run(Class<?> fixture, ServerTls tls, String host) {
        try (LoopbackServer server = LoopbackServer.builder().https(tls).start()) {
            TlsFixtures.TARGET.set(java.net.URI.create("https://" + host + ":" + server.port() + "/ok"));
            TlsFixtures.runPassing(fixture);
        }
        return RESULT.get();
    }

    private static List<LoadResponse> responses() {
        assertThat(RESPONSES).hasSize(2);
        return List.copyOf(RESPONSES);
    }

    @TlsTrust(certificates = TlsFixtures.ROOT_PEM)
    static class TrustingFixture extends Base {
        @LoadTest(vus = 1, iterations = 2)
        void run(Http http) {
            get(http);
        }
    }

    @Test
    @DisplayName("a certificate issued for another host name is rejected: certificate_unknown, error code 1311")
    void otherHostRejected() {
        LoadResult r = run(TrustingFixture.class, serverFor("other.example"), "localhost");
        for (LoadResponse res : responses()) {
            LoadAssertions.assertThat(res).isFailed().isTlsFailure().hasErrorCode(1311)
                    .hasTlsAlert("certificate_unknown");
            assertThat(res.error().orElseThrow().message()).contains("localhost");
        }
        assertThat(r.rate("http_req_failed")).isEqualTo(1.0);
        assertThat(r.count("http_reqs{error_code:1311}")).isEqualTo(2);
    }

    @Test
    @DisplayName("the trusted CA's certificate for localhost and 127.0.0.1 is accepted under both names")
    void trustedByNameAndAddress() {
        run(TrustingFixture.class, TlsFixtures.serverTls(), "localhost");
        run(TrustingFixture.class, TlsFixtures.serverTls(), "127.0.0.1");
        assertThat(RESPONSES).hasSize(4).allSatisfy(res -> LoadAssertions.assertThat(res).hasStatus(200));
        assertThat(RESPONSES).extracting(res -> res.tls().orElseThrow().peerHost())
                .containsExactlyInAnyOrder("localhost", "localhost", "127.0.0.1", "127.0.0.1");
    }

    static class JdkTrustFixture extends Base {
        @LoadTest(vus = 1, iterations = 2)
        void run(Http http) {
            get(http);
        }
    }

    @Test
    @DisplayName("without @TlsTrust the JDK's trust store applies: the test CA is unknown_ca, error code 1310")
    void untrustedIssuer() {
        run(JdkTrustFixture.class, TlsFixtures.serverTls(), "localhost");
        for (LoadResponse res : responses()) {
            LoadAssertions.assertThat(res).isTlsFailure().hasErrorCode(1310).hasTlsAlert("unknown_ca");
        }
    }

    @TlsTrust(insecureSkipTlsVerify = true)
    static class InsecureFixture extends Base {
        @LoadTest(vus = 1, iterations = 2)
        void run(Http http) {
            get(http);
        }
    }

    @Test
    @DisplayName("insecureSkipTlsVerify accepts any certificate, for this test only, and warns in the summary")
    void insecure() {
        LoadResult r = run(InsecureFixture.class, serverFor("other.example"), "localhost");
        for (LoadResponse res : responses()) {
            LoadAssertions.assertThat(res).hasStatus(200).certificate().hasSubject("CN=other.example");
        }
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("WARNING").contains("insecureSkipTlsVerify"));
        assertThat(r.summary()).contains("insecureSkipTlsVerify");

        RESPONSES.clear();
        run(TrustingFixture.class, serverFor("other.example"), "localhost");
        assertThat(responses()).allSatisfy(res -> LoadAssertions.assertThat(res).hasTlsAlert("certificate_unknown"));
        assertThat(RESULT.get().notes()).noneMatch(n -> n.contains("insecureSkipTlsVerify"));
    }
}
