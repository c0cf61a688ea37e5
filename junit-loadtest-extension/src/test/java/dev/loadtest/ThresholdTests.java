package dev.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.fixtures.WithLoopbackServer;

@DisplayName("Thresholds decide the verdict, in k6's syntax")
class ThresholdTests {

    static final AtomicReference<LoadResult> RESULT = new AtomicReference<>();

    @BeforeEach
    void reset() {
        RESULT.set(null);
    }

    @WithLoopbackServer
    static class PassingFixture {
        @LoadTest(vus = 5, iterations = 100)
        @Threshold(metric = "http_req_duration", condition = "p(95)<5000")
        @Threshold(metric = "http_req_failed", condition = "rate<0.01")
        @Threshold(metric = "http_reqs", condition = "count==100")
        @Threshold(metric = "http_req_duration{status:200,name:cart}", condition = "max<5000")
        void passing(Http http, LoopbackServer server) {
            http.get(server.uri("/ok"), Params.name("cart"));
        }
    }

    @Test
    @DisplayName("passing thresholds pass the test and are published as report entries")
    void passing() {
        EngineExecutionResults results = TestKit.run(PassingFixture.class);
        results.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(TestKit.figures(results))
                .containsEntry("threshold http_reqs count==100", "pass count=100")
                .containsEntry("http_reqs.count", "100")
                .containsKey("http_req_duration.p95");
    }

    @WithLoopbackServer
    static class FailingFixture {
        @LoadTest(vus = 5, iterations = 60)
        @Threshold(metric = "http_req_duration", condition = "p(95)<1")
        @Threshold(metric = "http_req_failed", condition = "rate<0.01")
        @Threshold(metric = "http_reqs{status:200}", condition = "count>=30")
        @Threshold(metric = "http_reqs", condition = "count==60")
        void failing(Http http, Vu vu, LoopbackServer server) {
            http.get(server.uri(vu.iteration() % 2 == 0 ? "/delay/5" : "/status/503"));
        }

        @AfterEach
        void after(LoadResult result) {
            RESULT.set(result);
        }
    }

    @Test
    @DisplayName("failed thresholds fail the test with one message listing each with its observed value")
    void failing() {
        EngineExecutionResults results = TestKit.run(FailingFixture.class);
        results.testEvents().assertStatistics(s -> s.failed(1));
        String message = TestKit.failureMessage(results);
        assertThat(message).startsWith("Load test 'failing' failed 2 of 4 thresholds:")
                .containsPattern("http_req_duration p\\(95\\)<1 failed: p\\(95\\)=[0-9.]+ms")
                .contains("http_req_failed rate<0.01 failed: rate=0.5")
                .doesNotContain("http_reqs{status:200}").doesNotContain("count==60");
        LoadResult r = RESULT.get();
        assertThat(r.rate("http_req_failed")).isEqualTo(0.5);
        assertThat(r.count("http_reqs{status:503}")).isEqualTo(30);
        assertThat(r.count("http_reqs{expected_response:true}")).isEqualTo(30);
        assertThat(r.trend("http_req_waiting{status:200}").percentile(50)).isGreaterThanOrEqualTo(5.0);
    }

    @WithLoopbackServer
    static class AbortFixture {
        @LoadTest(vus = 5, duration = "60s")
        @Threshold(metric = "http_req_failed", condition = "rate<0.1", abortOnFail = true, delayAbortEval = "1s")
        void aborting(Http http, LoopbackServer server) {
            http.get(server.uri("/status/500"));
        }

        @AfterEach
        void after(LoadResult result) {
            RESULT.set(result);
        }
    }

    @Test
    @DisplayName("abortOnFail ends a 60 s run within a few seconds of the breach, and the failure says so")
    void abortOnFail() {
        EngineExecutionResults results = TestKit.run(AbortFixture.class);
        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(RESULT.get().elapsed().toSeconds()).isLessThan(8);
        assertThat(RESULT.get().abortReason()).isPresent();
        assertThat(TestKit.failureMessage(results))
                .contains("was aborted early: threshold http_req_failed rate<0.1 failed: rate=1 (abortOnFail)")
                .contains("failed 1 of 1 thresholds");
    }

    @WithLoopbackServer
    static class TransportErrorFixture {
        @LoadTest(vus = 2, iterations = 10, requestTimeout = "200ms")
        @Threshold(metric = "http_req_failed", condition = "rate==1")
        void errors(Http http, Vu vu, LoopbackServer server) {
            LoadResponse res = http.get(vu.iteration() % 2 == 0 ? server.uri("/delay/2000")
                    : java.net.URI.create("http://127.0.0.1:1/refused"));
            vu.check("status is 0", res.status() == 0);
            vu.check("classified", res.error().isPresent());
        }

        @AfterEach
        void after(LoadResult result) {
            RESULT.set(result);
        }
    }

    @Test
    @DisplayName("transport errors do not throw: status 0, a classified error, counted as failed and tagged")
    void transportErrors() {
        TestKit.run(TransportErrorFixture.class).testEvents().assertStatistics(s -> s.succeeded(1));
        LoadResult r = RESULT.get();
        assertThat(r.checks()).containsEntry("status is 0", new LoadResult.CheckStats(10, 0))
                .containsEntry("classified", new LoadResult.CheckStats(10, 0));
        // A request timeout is 1050; when the connection itself is not up within the 200 ms, it is 1211.
        assertThat(r.count("http_reqs{error_code:1050}") + r.count("http_reqs{error_code:1211}")).isEqualTo(5);
        assertThat(r.count("http_reqs{error_code:1212}")).isEqualTo(5);
    }
}
