package dev.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.fixtures.WithLoopbackServer;

/**
 * Coordinated omission, demonstrated against {@code /stall}, which holds every request that arrives in the first
 * second of every five until that second ends. Users who arrive at a fixed rate meet the stall about 100 times per
 * second of stall; a few looping users meet it once each and then wait for it with the server, so their samples
 * hide it.
 */
@DisplayName("An open model shows a server's stalls; a closed model shows them in a handful of samples")
class CoordinatedOmissionTests {

    static final AtomicReference<LoadResult> RESULT = new AtomicReference<>();
    static final String FAST = "answered within 500 ms";

    @WithLoopbackServer
    abstract static class Base {
        static void request(Http http, Vu vu, LoopbackServer server) {
            LoadResponse res = http.get(server.uri("/stall"));
            vu.check(res, FAST, r -> r.status() == 200 && r.timings().duration().toMillis() < 500);
        }

        @AfterEach
        void after(LoadResult result) {
            RESULT.set(result);
        }
    }

    static class OpenModel extends Base {
        // 100 arrivals/s, 1 s stalls: about 100 iterations wait at once, so maxVus leaves room for four times that.
        @LoadTest(rate = 100, duration = "15s", preAllocatedVus = 50, maxVus = 400)
        void arrivals(Http http, Vu vu, LoopbackServer server) {
            request(http, vu, server);
        }
    }

    static class ClosedModel extends Base {
        @LoadTest(vus = 2, duration = "10s")
        void loop(Http http, Vu vu, LoopbackServer server) {
            request(http, vu, server);
            // Think time (k6's sleep(0.02)), part of the simulated user rather than a wait for a condition: it keeps
            // two looping users near the open model's 100 requests/s instead of saturating the machine.
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    @Test
    @DisplayName("100 arrivals/s for 15 s: http_req_duration p(99) >= 900 ms; 2 looping VUs: a handful of slow samples")
    void openModelShowsTheStallsThatAClosedModelHides() {
        ArrivalRateTests.runPassing(OpenModel.class);
        LoadResult open = RESULT.get();
        ArrivalRateTests.runPassing(ClosedModel.class);
        LoadResult closed = RESULT.get();
        System.out.printf("open: %d requests, %d slow, p(99)=%.1f ms; closed: %d requests, %d slow, p(99)=%.1f ms%n",
                open.count("http_reqs"), slow(open), open.trend("http_req_duration").percentile(99),
                closed.count("http_reqs"), slow(closed), closed.trend("http_req_duration").percentile(99));

        assertThat(open.count("iterations") + open.count("dropped_iterations")).isEqualTo(1500);
        assertThat(open.count("dropped_iterations")).isZero();
        assertThat(open.trend("http_req_duration").percentile(99)).as("open model p(99), ms")
                .isGreaterThanOrEqualTo(900);
        // Arrivals in the first half of each of the three stalls: about 150.
        assertThat(slow(open)).as("open model samples over 500 ms").isGreaterThanOrEqualTo(100);

        // Each looping VU is held once per stall, and a 10 s run meets at most three stalls: 6 samples, and a
        // little room for a slow response on a busy machine.
        assertThat(slow(closed)).as("closed model samples over 500 ms").isBetween(2L, 8L);
        assertThat((double) slow(closed) / closed.count("http_reqs")).as("share of slow closed-model samples")
                .isLessThan(0.05);
    }

    private static long slow(LoadResult result) {
        return result.checks().get(FAST).fails();
    }
}
