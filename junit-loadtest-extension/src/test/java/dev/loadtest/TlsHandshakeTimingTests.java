package dev.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.loadtest.assertions.LoadAssertions;
import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.tls.TlsInfo;
import dev.loadtest.tls.TlsTrust;
import dev.loadtest.tls.TlsVersion;

@DisplayName("Connection and TLS handshake timings")
class TlsHandshakeTimingTests {

    static final AtomicReference<LoadResult> RESULT = new AtomicReference<>();
    static final Observed OBSERVED = new Observed();

    /** What the fixtures saw, per response, in counters (memory does not grow with the requests). */
    static final class Observed {
        final LongAdder responses = new LongAdder();
        final LongAdder withHandshake = new LongAdder();
        final LongAdder withConnecting = new LongAdder();
        final LongAdder reusedWithTimings = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder http2 = new LongAdder();
        final LongAdder alpnH2 = new LongAdder();
        final LongAdder withoutTls = new LongAdder();
        final LongAdder longerThanTheCall = new LongAdder();
        final AtomicReference<LoadResponse> firstOnNewConnection = new AtomicReference<>();
        final AtomicReference<LoadResponse> firstOnReusedConnection = new AtomicReference<>();

        void reset() {
            for (LongAdder a : new LongAdder[] {responses, withHandshake, withConnecting, reusedWithTimings, failed,
                http2, alpnH2, withoutTls, longerThanTheCall}) {
                a.reset();
            }
            firstOnNewConnection.set(null);
            firstOnReusedConnection.set(null);
        }

        void record(LoadResponse res, long callNanos) {
            responses.increment();
            Timings t = res.timings();
            boolean handshake = !t.tlsHandshaking().isZero();
            if (handshake) {
                withHandshake.increment();
                firstOnNewConnection.compareAndSet(null, res);
            } else {
                firstOnReusedConnection.compareAndSet(null, res);
                if (!t.connecting().isZero() || !t.blocked().isZero()) {
                    reusedWithTimings.increment();
                }
            }
            if (!t.connecting().isZero()) {
                withConnecting.increment();
            }
            if (res.failed()) {
                failed.increment();
            }
            if (res.version().orElse(null) == HttpClient.Version.HTTP_2) {
                http2.increment();
            }
            if (res.tls().map(TlsInfo::alpn).filter("h2"::equals).isPresent()) {
                alpnH2.increment();
            }
            if (res.tls().isEmpty()) {
                withoutTls.increment();
            }
            long sum = t.blocked().plus(t.connecting()).plus(t.tlsHandshaking()).plus(t.duration()).toNanos();
            if (sum > callNanos) {
                longerThanTheCall.increment();
            }
        }
    }

    @BeforeEach
    void reset() {
        RESULT.set(null);
        OBSERVED.reset();
    }

    abstract static class Base {
        @AfterEach
        void after(LoadResult result) {
            RESULT.set(result);
        }

        static void get(Http http) {
            long start = System.nanoTime();
            LoadResponse res = http.get(TlsFixtures.TARGET.get());
            OBSERVED.record(res, System.nanoTime() - start);
        }
    }

    @TlsTrust(certificates = TlsFixtures.ROOT_PEM)
    static class Http2Fixture extends Base {
        @LoadTest(vus = 20, duration = "5s")
        @Threshold(metric = "http_req_duration{tls_version:TLSv1.3}", condition = "p(95)<60000")
        void run(Http http) {
            get(http);
        }
    }

    @Test
    @DisplayName("20 VUs for 5 s over HTTPS: tls_handshaking > 0 on exactly one response per connection opened,"
            + " 0 on all others, over HTTP/2")
    void handshakePerConnection() throws Exception {
        try (LoopbackServer server = LoopbackServer.builder().https(TlsFixtures.serverTls()).start();
                TlsFixtures.CountingProxy proxy = new TlsFixtures.CountingProxy(server.port())) {
            TlsFixtures.TARGET.set(URI.create("https://localhost:" + proxy.port() + "/ok"));
            TlsFixtures.runPassing(Http2Fixture.class);

            LoadResult r = RESULT.get();
            long responses = OBSERVED.responses.sum();
            assertThat(responses).isPositive().isEqualTo(r.count("http_reqs"));
            assertThat(OBSERVED.failed.sum()).isZero();
            assertThat(OBSERVED.withHandshake.sum()).as("responses with a handshake = connections opened")
                    .isPositive().isEqualTo(proxy.accepted());
            assertThat(OBSERVED.withConnecting.sum()).isEqualTo(proxy.accepted());
            assertThat(OBSERVED.reusedWithTimings.sum()).as("reused connections carry no connect timings").isZero();
            assertThat(OBSERVED.longerThanTheCall.sum()).as("blocked, connecting, tls_handshaking and duration"
                    + " do not overlap: they add up to no more than the call took").isZero();
            assertThat(OBSERVED.http2.sum()).isEqualTo(responses);
            assertThat(OBSERVED.alpnH2.sum()).isEqualTo(responses);
            assertThat(OBSERVED.withoutTls.sum()).isZero();

            LoadAssertions.assertThat(OBSERVED.firstOnNewConnection.get()).hasStatus(200).hasTlsHandshake()
                    .hasVersion(HttpClient.Version.HTTP_2).hasAlpn("h2").hasTlsVersion(TlsVersion.TLS_1_3)
                    .hasTlsHandshakingAtMost(Duration.ofSeconds(5));
            LoadAssertions.assertThat(OBSERVED.firstOnReusedConnection.get()).hasStatus(200).hasNoTlsHandshake()
                    .hasConnectingAtMost(Duration.ZERO).hasAlpn("h2");

            assertThat(r.trend("http_req_tls_handshaking").count()).isEqualTo(responses);
            assertThat(r.trend("http_req_tls_handshaking").max()).isPositive();
            assertThat(r.trend("http_req_connecting").max()).isPositive();
            assertThat(r.count("http_reqs{tls_version:TLSv1.3}")).isEqualTo(responses);
            assertThat(r.count("http_reqs{tls_version:TLSv1.2}")).isZero();
            assertThat(r.thresholds()).singleElement().satisfies(t -> {
                assertThat(t.metric()).isEqualTo("http_req_duration{tls_version:TLSv1.3}");
                assertThat(t.passed()).isTrue();
                assertThat(t.observed()).isPositive();
            });
        }
    }

    @TlsTrust(certificates = TlsFixtures.ROOT_PEM)
    static class Http1PerVuFixture extends Base {
        @LoadTest(executor = Executor.PER_VU_ITERATIONS, vus = 5, iterations = 4, connections = Connections.PER_VU)
        void run(Http http) {
            get(http);
        }
    }

    @Test
    @DisplayName("over HTTP/1.1 with a client per VU, too, each connection's handshake goes to exactly one response")
    void handshakePerConnectionHttp1() throws Exception {
        try (LoopbackServer server = LoopbackServer.builder().https(TlsFixtures.serverTls().http2(false)).start();
                TlsFixtures.CountingProxy proxy = new TlsFixtures.CountingProxy(server.port())) {
            TlsFixtures.TARGET.set(URI.create("https://localhost:" + proxy.port() + "/ok"));
            TlsFixtures.runPassing(Http1PerVuFixture.class);

            long responses = OBSERVED.responses.sum();
            assertThat(responses).isPositive().isEqualTo(RESULT.get().count("http_reqs"));
            assertThat(OBSERVED.failed.sum()).isZero();
            assertThat(responses).isEqualTo(20);
            assertThat(OBSERVED.withHandshake.sum()).isGreaterThanOrEqualTo(5).isEqualTo(proxy.accepted());
            assertThat(OBSERVED.reusedWithTimings.sum()).isZero();
            assertThat(OBSERVED.longerThanTheCall.sum()).isZero();
            assertThat(OBSERVED.http2.sum()).isZero();
            LoadAssertions.assertThat(OBSERVED.firstOnReusedConnection.get())
                    .hasVersion(HttpClient.Version.HTTP_1_1).hasNoTlsHandshake();
        }
    }
}
