package dev.loadtest.benchmarks;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/**
 * Memory per VU. N VUs each send one request at a random moment of the ramp time (N / 2000 s, at least 1 s), then
 * wait; when all have sent theirs (or 30 s after the ramp time, whatever was sent by then), the heap after GC, the
 * resident set and the thread count are taken. Modes:
 * <ul>
 * <li>{@code idle}: N bare virtual threads, no HTTP (the floor);</li>
 * <li>{@code raw}: N virtual threads sharing one {@code HttpClient} (the hand-written reference);</li>
 * <li>{@code shared}: a {@code @LoadTest} with N VUs, default shared client pool ({@link MemoryLoad#shared});</li>
 * <li>{@code per-vu}: a {@code @LoadTest} with {@code connections = PER_VU} ({@link MemoryLoad#perVu}).</li>
 * </ul>
 * Per-VU cost is computed by the report from the 1-VU run of the same mode.
 *
 * <pre>--mode=shared --vus=10000 --url=http://127.0.0.1:PORT/2b</pre>
 */
public final class MemoryPerVu {

    private static final AtomicInteger REQUESTED = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();
    private static final CountDownLatch MEASURED = new CountDownLatch(1);
    private static volatile int vus;
    private static volatile long rampMillis;
    private static volatile String result = "RESULT mode=? error=not-measured";
    private static volatile String mode;
    private static volatile long startNanos;

    private MemoryPerVu() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        mode = args.get("mode", "shared");
        vus = args.getInt("vus", 1000);
        // Sending N first requests takes CPU: spread them (2,000 per second, at least 1 s).
        rampMillis = Math.max(1000, vus / 2);
        URI uri = URI.create(args.get("url", "http://127.0.0.1:18080/2b"));
        System.setProperty("bench.url", uri.toString());
        startNanos = System.nanoTime();
        switch (mode) {
            case "idle" -> idle();
            case "raw" -> raw(uri);
            case "shared", "per-vu" -> loadTest(mode.equals("shared") ? "shared" : "perVu");
            default -> throw new IllegalArgumentException("--mode=" + mode);
        }
        System.out.println(result);
    }

    private static void idle() throws InterruptedException {
        startSampler();
        List<Thread> threads = new ArrayList<>(vus);
        for (int i = 0; i < vus; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                requested(true);
                try {
                    awaitMeasured();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void raw(URI uri) throws InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(uri).version(HttpClient.Version.HTTP_1_1).build();
            startSampler();
            List<Thread> threads = new ArrayList<>(vus);
            for (int i = 0; i < vus; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(ThreadLocalRandom.current().nextLong(rampMillis + 1));
                        boolean ok;
                        try {
                            ok = client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
                        } catch (java.io.IOException e) {
                            ok = false;
                        }
                        requested(ok);
                        awaitMeasured();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
        }
    }

    private static void loadTest(String method) throws Exception {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(MemoryLoad.class, MemoryLoad.class.getDeclaredMethod(method,
                        dev.loadtest.Http.class, dev.loadtest.Vu.class)))
                .configurationParameter("loadtest.vus", String.valueOf(vus))
                .configurationParameter("loadtest.reportDir", "loadtest-reports")
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        if (listener.getSummary().getTotalFailureCount() > 0) {
            listener.getSummary().printFailuresTo(new PrintWriter(System.out, true), 20);
        }
    }

    static long rampMillis() {
        return rampMillis;
    }

    static void requested(boolean ok) {
        if (!ok) {
            FAILED.incrementAndGet();
        }
        REQUESTED.incrementAndGet();
    }

    static void awaitMeasured() throws InterruptedException {
        MEASURED.await();
    }

    /**
     * Waits until every VU has sent its request (at the latest 30 s after the ramp time), lets things settle 1 s,
     * measures, releases the VUs.
     */
    static void startSampler() {
        Thread.ofPlatform().name("memory-sampler").start(() -> {
            try {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(rampMillis + 30_000L);
                while (REQUESTED.get() < vus && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                long readyMillis = (System.nanoTime() - startNanos) / 1_000_000;
                Thread.sleep(Duration.ofSeconds(1));
                long heap = ProcessStats.heapUsedAfterGc();
                long rss = ProcessStats.rssBytes();
                long threads = ProcessStats.osThreads();
                result = String.format(Locale.ROOT,
                        "RESULT mode=%s vus=%d requested=%d failed=%d rss_bytes=%d heap_bytes=%d os_threads=%d"
                                + " ready_ms=%d",
                        mode, vus, REQUESTED.get(), FAILED.get(), rss, heap, threads, readyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                MEASURED.countDown();
            }
        });
    }
}
