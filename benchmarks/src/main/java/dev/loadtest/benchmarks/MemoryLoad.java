package dev.loadtest.benchmarks;

import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;

import dev.loadtest.Connections;
import dev.loadtest.Http;
import dev.loadtest.LoadTest;
import dev.loadtest.Vu;

/**
 * The memory-per-VU load, run by {@link MemoryPerVu} through the JUnit Platform: each VU waits a random part of the
 * ramp time, sends one request, then waits (like a long think time) until its memory has been measured.
 * {@code loadtest.vus} sets the number of VUs.
 */
class MemoryLoad {

    private URI target;

    @BeforeEach
    void startSampler() {
        target = URI.create(System.getProperty("bench.url", "http://127.0.0.1:18080/2b"));
        MemoryPerVu.startSampler();
    }

    /** The default: VUs share a pool of clients. */
    @LoadTest(vus = 1, iterations = 1, executor = dev.loadtest.Executor.PER_VU_ITERATIONS, maxDuration = "10m",
            gracefulStop = "0s")
    void shared(Http http, Vu vu) throws InterruptedException {
        oneRequestThenWait(http);
    }

    /** One client and connection pool per VU, as in k6. */
    @LoadTest(vus = 1, iterations = 1, executor = dev.loadtest.Executor.PER_VU_ITERATIONS, maxDuration = "10m",
            gracefulStop = "0s", connections = Connections.PER_VU)
    void perVu(Http http, Vu vu) throws InterruptedException {
        oneRequestThenWait(http);
    }

    private void oneRequestThenWait(Http http) throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextLong(MemoryPerVu.rampMillis() + 1));
        MemoryPerVu.requested(http.get(target).status() == 200);
        MemoryPerVu.awaitMeasured();
    }
}
