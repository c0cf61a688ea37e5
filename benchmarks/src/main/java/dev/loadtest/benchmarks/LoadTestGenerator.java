package dev.loadtest.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import dev.loadtest.ClientExecutor;
import dev.loadtest.Connections;
import dev.loadtest.Http;
import dev.loadtest.LoadResponse;
import dev.loadtest.LoadResult;
import dev.loadtest.LoadTest;
import dev.loadtest.tls.TlsTrust;

/**
 * Our generator: the same closed-model loop as {@link RawLoop}, written as a user writes a {@code @LoadTest}, run
 * through the JUnit Platform by run.sh (ConsoleLauncher, one method per JVM). Every variant is the library's
 * public API only. The run lasts {@code loadtest.duration} (warm-up + measurement + margin, set by run.sh);
 * {@link Window} measures the same window as for the raw loop.
 *
 * <p>System properties: {@code bench.url}, {@code bench.warmup} and {@code bench.duration} (seconds). The CA
 * that signed nginx's certificate is read from {@code benchmark-ca.pem} in the working directory, which run.sh
 * sets to its temporary folder.
 */
@TlsTrust(certificates = "file:benchmark-ca.pem")
class LoadTestGenerator {

    private static final LongAdder OK = new LongAdder();
    private static final LongAdder FAILED = new LongAdder();

    private URI target;
    private Window window;

    @BeforeEach
    void startWindow() {
        target = URI.create(System.getProperty("bench.url", "http://127.0.0.1:18080/2b"));
        OK.reset();
        FAILED.reset();
        Duration warmUp = Duration.ofMillis((long) (1000 * Double.parseDouble(System.getProperty("bench.warmup",
                "4"))));
        Duration measure = Duration.ofMillis((long) (1000 * Double.parseDouble(System.getProperty(
                "bench.duration", "10"))));
        window = new Window(warmUp, measure, OK::sum, FAILED::sum).start();
    }

    @AfterEach
    void report(LoadResult result, TestInfo info) {
        String variant = info.getTestMethod().orElseThrow().getName();
        window.report(variant.equals("defaults") ? "loadtest" : "loadtest-" + variant);
        System.out.printf(Locale.ROOT, "whole run: http_reqs=%d http_req_failed=%.4f iterations=%d%n",
                result.count("http_reqs"), result.rate("http_req_failed"), result.count("iterations"));
    }

    private static void count(LoadResponse response) {
        (response.status() == 200 ? OK : FAILED).increment();
    }

    /** The defaults: a shared client pool, the AUTO client executor, bodies kept. */
    @LoadTest(vus = 50, duration = "15s", gracefulStop = "5s")
    void defaults(Http http) {
        count(http.get(target));
    }

    @LoadTest(vus = 50, duration = "15s", gracefulStop = "5s", clientExecutor = ClientExecutor.VIRTUAL_THREADS)
    void virtualThreads(Http http) {
        count(http.get(target));
    }

    @LoadTest(vus = 50, duration = "15s", gracefulStop = "5s", clientExecutor = ClientExecutor.DIRECT)
    void direct(Http http) {
        count(http.get(target));
    }

    @LoadTest(vus = 50, duration = "15s", gracefulStop = "5s", clientExecutor = ClientExecutor.JDK_DEFAULT)
    void jdkDefault(Http http) {
        count(http.get(target));
    }

    @LoadTest(vus = 50, duration = "15s", gracefulStop = "5s", discardResponseBodies = true)
    void discard(Http http) {
        count(http.get(target));
    }

    @LoadTest(vus = 50, duration = "15s", gracefulStop = "5s", connections = Connections.PER_VU)
    void perVu(Http http) {
        count(http.get(target));
    }
}
