package dev.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.fixtures.WithLoopbackServer;

@DisplayName("Executors run exactly the iterations and VUs that k6 would")
class ExecutorTests {

    static final AtomicReference<LoadResult> RESULT = new AtomicReference<>();
    static final AtomicLong SERVER_COUNT = new AtomicLong();
    static final Set<Integer> VU_IDS = ConcurrentHashMap.newKeySet();
    static final Map<Integer, AtomicLong> PER_VU = new ConcurrentHashMap<>();

    @BeforeEach
    void reset() {
        RESULT.set(null);
        SERVER_COUNT.set(-1);
        VU_IDS.clear();
        PER_VU.clear();
    }

    @WithLoopbackServer
    abstract static class Base {
        @BeforeEach
        void before(LoopbackServer server) {
            server.resetCounts();
        }

        @AfterEach
        void after(LoadResult result, LoopbackServer server) {
            RESULT.set(result);
            SERVER_COUNT.set(server.requestCount());
        }
    }

    static class SharedIterationsFixture extends Base {
        @LoadTest(vus = 20, iterations = 1000)
        void shared(Http http, Vu vu, LoopbackServer server) {
            VU_IDS.add(vu.id());
            http.get(server.uri("/ok"));
        }
    }

    @Test
    @DisplayName("shared-iterations with 1000 iterations runs exactly 1000, every request reaching the server")
    void sharedIterations() {
        EngineExecutionResults results = TestKit.run(SharedIterationsFixture.class);
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        LoadResult r = RESULT.get();
        assertThat(r.executor()).isEqualTo(Executor.SHARED_ITERATIONS);
        assertThat(r.count("iterations")).isEqualTo(1000);
        assertThat(r.count("http_reqs")).isEqualTo(1000).isEqualTo(SERVER_COUNT.get());
        assertThat(r.rate("http_req_failed")).isZero();
        assertThat(VU_IDS).hasSize(20).allMatch(id -> id >= 1 && id <= 20);
        assertThat(r.gauge("vus_max").max()).isEqualTo(20);
    }

    static class PerVuIterationsFixture extends Base {
        @LoadTest(executor = Executor.PER_VU_ITERATIONS, vus = 10, iterations = 7)
        void perVu(Http http, Vu vu, LoopbackServer server) {
            PER_VU.computeIfAbsent(vu.id(), k -> new AtomicLong()).incrementAndGet();
            http.get(server.uri("/ok"));
        }
    }

    @Test
    @DisplayName("10 VUs x 7 per-VU iterations run exactly 70, seven on each VU")
    void perVuIterations() {
        TestKit.run(PerVuIterationsFixture.class).testEvents().assertStatistics(s -> s.succeeded(1));
        LoadResult r = RESULT.get();
        assertThat(r.count("iterations")).isEqualTo(70);
        assertThat(r.count("http_reqs")).isEqualTo(70).isEqualTo(SERVER_COUNT.get());
        assertThat(PER_VU).hasSize(10);
        assertThat(PER_VU.values()).allMatch(n -> n.get() == 7);
    }

    static class ConstantVusFixture extends Base {
        @LoadTest(vus = 50, duration = "10s")
        void constant(Http http, LoopbackServer server) {
            http.get(server.uri("/ok"));
        }
    }

    @Test
    @DisplayName("a 50-VU, 10 s constant-VUs run reports exactly the requests the server received")
    void constantVus() {
        TestKit.run(ConstantVusFixture.class).testEvents().assertStatistics(s -> s.succeeded(1));
        LoadResult r = RESULT.get();
        assertThat(r.executor()).isEqualTo(Executor.CONSTANT_VUS);
        assertThat(r.count("http_reqs")).isPositive().isEqualTo(SERVER_COUNT.get());
        assertThat(r.count("iterations")).isEqualTo(r.count("http_reqs"));
        assertThat(r.gauge("vus").max()).isEqualTo(50);
        assertThat(r.elapsed().toMillis()).isBetween(10_000L, 20_000L);
        assertThat(r.trend("http_req_duration").count()).isEqualTo(r.count("http_reqs"));
    }

    static class RampingFixture extends Base {
        @LoadTest(startVus = 0, stages = {
            @Stage(duration = "1s", target = 8),
            @Stage(duration = "1s", target = 8),
            @Stage(duration = "1s", target = 3),
            @Stage(duration = "500ms", target = 0)}, gracefulRampDown = "1s")
        void ramp(Http http, Vu vu, LoopbackServer server) {
            VU_IDS.add(vu.id());
            http.get(server.uri("/delay/20"));
        }
    }

    @Test
    @DisplayName("ramping-vus reaches each stage's target and ramps back down")
    void rampingVus() {
        TestKit.run(RampingFixture.class).testEvents().assertStatistics(s -> s.succeeded(1));
        LoadResult r = RESULT.get();
        assertThat(r.executor()).isEqualTo(Executor.RAMPING_VUS);
        assertThat(r.gauge("vus").max()).isEqualTo(8);
        assertThat(r.gauge("vus").value()).isZero();
        assertThat(r.gauge("vus_max").max()).isEqualTo(8);
        assertThat(VU_IDS).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(r.count("http_reqs")).isEqualTo(SERVER_COUNT.get());
        assertThat(r.elapsed().toMillis()).isBetween(3_500L, 8_000L);
    }

    static class GracefulStopFixture {
        @LoadTest(vus = 3, duration = "300ms", gracefulStop = "200ms")
        void slow(Vu vu) throws InterruptedException {
            // Waits for an interrupt that only the graceful stop sends; bounded by the 10 s join of the engine.
            new java.util.concurrent.CountDownLatch(1).await(30, java.util.concurrent.TimeUnit.SECONDS);
        }

        @AfterEach
        void after(LoadResult result) {
            RESULT.set(result);
        }
    }

    @Test
    @DisplayName("gracefulStop interrupts iterations that outlive it; they are not counted as iterations")
    void gracefulStop() {
        TestKit.run(GracefulStopFixture.class).testEvents().assertStatistics(s -> s.succeeded(1));
        LoadResult r = RESULT.get();
        assertThat(r.count("iterations")).isZero();
        assertThat(r.elapsed().toMillis()).isBetween(450L, 5_000L);
        assertThat(r.summary()).contains("interrupted iterations: 3");
    }

    static class MaxDurationFixture {
        @LoadTest(vus = 2, iterations = 100_000_000, maxDuration = "500ms", gracefulStop = "0s")
        void fast(Vu vu) {
            vu.check("ran", true);
        }

        @AfterEach
        void after(LoadResult result) {
            RESULT.set(result);
        }
    }

    @Test
    @DisplayName("maxDuration bounds the iteration executors")
    void maxDuration() {
        TestKit.run(MaxDurationFixture.class).testEvents().assertStatistics(s -> s.succeeded(1));
        LoadResult r = RESULT.get();
        assertThat(r.elapsed().toMillis()).isBetween(500L, 5_000L);
        assertThat(r.count("iterations")).isPositive().isLessThan(100_000_000);
    }
}
