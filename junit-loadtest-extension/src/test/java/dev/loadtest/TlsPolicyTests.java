package dev.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.loadtest.assertions.LoadAssertions;
import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.fixtures.ServerTls;
import dev.loadtest.tls.TlsPolicy;
import dev.loadtest.tls.TlsTrust;
import dev.loadtest.tls.TlsVersion;

@DisplayName("@TlsPolicy restricts what the client offers; refusals are failed responses with the alert")
class TlsPolicyTests {

    static final AtomicReference<LoadResult> RESULT = new AtomicReference<>();
    static final Queue<LoadResponse> RESPONSES = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void reset() {
        RESULT.set(null);
        RESPONSES.clear();
    }

    @TlsTrust(certificates = TlsFixtures.ROOT_PEM)
    abstract static class Base {
        @AfterEach
        void after(LoadResult result) {
            RESULT.set(result);
        }

        static void get(Http http) {
            RESPONSES.add(http.get(TlsFixtures.TARGET.get()));
        }
    }

    private static LoadResult run(Class<?> fixture, ServerTls tls) {
        try (LoopbackServer server = LoopbackServer.builder().https(tls).start()) {
            TlsFixtures.TARGET.set(server.uri("/ok"));
            TlsFixtures.runPassing(fixture);
        }
        return RESULT.get();
    }

    private static List<LoadResponse> responses() {
        assertThat(RESPONSES).hasSize(4);
        return List.copyOf(RESPONSES);
    }

    static class Tls13OnlyFixture extends Base {
        @LoadTest(vus = 2, iterations = 4)
        @TlsPolicy(versions = TlsVersion.TLS_1_3)
        void run(Http http) {
            get(http);
        }
    }

    @Test
    @DisplayName("a TLS 1.3-only client is refused by a TLS 1.2-only server with protocol_version")
    void tls13ClientTls12Server() {
        LoadResult r = run(Tls13OnlyFixture.class, TlsFixtures.serverTls().protocols("TLSv1.2"));
        for (LoadResponse res : responses()) {
            LoadAssertions.assertThat(res).hasStatus(0).isFailed().isTlsFailure().hasTlsAlert("protocol_version")
                    .hasErrorCode(1300);
            assertThat(res.tls()).isEmpty();
        }
        assertThat(r.rate("http_req_failed")).isEqualTo(1.0);
        assertThat(r.count("http_reqs{error_code:1300}")).isEqualTo(4);
    }

    static class Tls12OnlyFixture extends Base {
        @LoadTest(vus = 2, iterations = 4)
        @TlsPolicy(maxVersion = TlsVersion.TLS_1_2)
        void run(Http http) {
            get(http);
        }
    }

    @Test
    @DisplayName("a TLS 1.2-only client (maxVersion) is refused by a TLS 1.3-only server with protocol_version")
    void tls12ClientTls13Server() {
        run(Tls12OnlyFixture.class, TlsFixtures.serverTls().protocols("TLSv1.3"));
        for (LoadResponse res : responses()) {
            LoadAssertions.assertThat(res).isTlsFailure().hasTlsAlert("protocol_version");
        }
    }

    static class CipherFixture extends Base {
        @LoadTest(vus = 2, iterations = 4)
        @TlsPolicy(versions = TlsVersion.TLS_1_2, cipherSuites = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
        void run(Http http) {
            get(http);
        }
    }

    @Test
    @DisplayName("a cipher suite the server does not accept gives handshake_failure; one it accepts is used")
    void cipherMismatch() {
        run(CipherFixture.class, TlsFixtures.serverTls().protocols("TLSv1.2")
                .cipherSuites("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
        for (LoadResponse res : responses()) {
            LoadAssertions.assertThat(res).isFailed().isTlsFailure().hasTlsAlert("handshake_failure");
        }

        RESPONSES.clear();
        run(CipherFixture.class, TlsFixtures.serverTls());
        for (LoadResponse res : responses()) {
            LoadAssertions.assertThat(res).hasStatus(200).hasTlsVersion(TlsVersion.TLS_1_2)
                    .hasCipherSuite("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        }
    }

    static class Tls13SuiteFixture extends Base {
        @LoadTest(vus = 2, iterations = 4)
        @TlsPolicy(versions = TlsVersion.TLS_1_3, cipherSuites = "TLS_CHACHA20_POLY1305_SHA256")
        void run(Http http) {
            get(http);
        }
    }

    @Test
    @DisplayName("TLS 1.3 cipher suites are honoured: the one offered is used, a mismatch gives handshake_failure")
    void tls13Suites() {
        run(Tls13SuiteFixture.class, TlsFixtures.serverTls());
        for (LoadResponse res : responses()) {
            LoadAssertions.assertThat(res).hasStatus(200).hasTlsVersion(TlsVersion.TLS_1_3)
                    .hasCipherSuite("TLS_CHACHA20_POLY1305_SHA256");
        }

        RESPONSES.clear();
        run(Tls13SuiteFixture.class, TlsFixtures.serverTls().cipherSuites("TLS_AES_256_GCM_SHA384"));
        for (LoadResponse res : responses()) {
            LoadAssertions.assertThat(res).isTlsFailure().hasTlsAlert("handshake_failure");
        }
    }

    static class TagFixture extends Base {
        @LoadTest(vus = 2, iterations = 4)
        @TlsPolicy(versions = TlsVersion.TLS_1_2)
        @Threshold(metric = "http_req_duration{tls_version:TLSv1.2}", condition = "max<60000")
        @Threshold(metric = "http_reqs{tls_version:TLSv1.2}", condition = "count==4")
        @Threshold(metric = "http_reqs{tls_version:TLSv1.3}", condition = "count<1")
        void run(Http http) {
            get(http);
        }
    }

    @Test
    @DisplayName("responses are tagged with tls_version, so thresholds such as"
            + " http_req_duration{tls_version:TLSv1.2} select them")
    void tlsVersionTag() {
        LoadResult r = run(TagFixture.class, TlsFixtures.serverTls());
        assertThat(r.thresholds()).hasSize(3).allSatisfy(t -> assertThat(t.passed()).isTrue());
        assertThat(r.trend("http_req_duration{tls_version:TLSv1.2}").count()).isEqualTo(4);
        assertThat(r.trend("http_req_duration{tls_version:TLSv1.3}").count()).isZero();
    }

    static class FailingTagThresholdFixture extends Base {
        @LoadTest(vus = 2, iterations = 4)
        @Threshold(metric = "http_reqs{tls_version:TLSv1.3}", condition = "count<1")
        void run(Http http) {
            get(http);
        }
    }

    @Test
    @DisplayName("a threshold on {tls_version:TLSv1.3} fails when TLS 1.3 responses break it")
    void failingTlsVersionThreshold() {
        try (LoopbackServer server = LoopbackServer.builder().https(TlsFixtures.serverTls()).start()) {
            TlsFixtures.TARGET.set(server.uri("/ok"));
            var results = TestKit.run(FailingTagThresholdFixture.class);
            results.testEvents().assertStatistics(s -> s.failed(1));
            assertThat(TestKit.failureMessage(results)).contains("http_reqs{tls_version:TLSv1.3}");
        }
    }
}
