package dev.loadtest.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.loadtest.internal.metrics.HttpSinks;
import dev.loadtest.internal.metrics.MetricRegistry;
import dev.loadtest.internal.metrics.TagSet;

/**
 * Records 10 million requests' metrics (seven trends, two counters, a rate and the data counters each) the way
 * the per-VU client does, from four threads, and prints the heap after GC before and after. k6 keeps every
 * Trend sample (k6 issues #763, #4670); here memory must not grow with the number of samples.
 */
public final class RecordingMemoryBenchmark {

    private static final long SAMPLES = 10_000_000L;
    private static final int THREADS = 4;

    private RecordingMemoryBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        MetricRegistry registry = new MetricRegistry(System.nanoTime());
        TagSet ok = TagSet.of("method", "GET", "status", "200", "name", "http://127.0.0.1/ok", "scenario", "bench");
        TagSet notFound = TagSet.of("method", "GET", "status", "404", "name", "http://127.0.0.1/ok", "scenario",
                "bench");
        // Warm the series and the histograms' ranges, then measure.
        record(registry, ok, notFound, 100_000);
        long before = usedAfterGc();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(Thread.ofPlatform().start(() -> record(registry, ok, notFound, SAMPLES / THREADS)));
        }
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - start;
        long after = usedAfterGc();
        long recorded = registry.http(ok).reqs().sum() + registry.http(notFound).reqs().sum();
        System.out.printf(Locale.ROOT, "requests recorded: %,d (each: 7 trend values, 1 rate, 3 counters; 1 in 100 on a new connection)%n",
                recorded);
        System.out.printf(Locale.ROOT, "heap after GC before: %.2f MB, after: %.2f MB, growth: %.2f MB%n",
                before / 1e6, after / 1e6, (after - before) / 1e6);
        System.out.printf(Locale.ROOT, "time per request recorded: %.1f ns (%d threads, wall time / requests)%n",
                (double) elapsed * THREADS / (SAMPLES), THREADS);
        System.out.println((after - before) < 5_000_000 ? "PASS: heap growth < 5 MB" : "FAIL: heap growth >= 5 MB");
    }

    private static void record(MetricRegistry registry, TagSet ok, TagSet notFound, long n) {
        long seed = Thread.currentThread().threadId();
        for (long i = 0; i < n; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            long micros = 200 + ((seed >>> 33) % 50_000);
            HttpSinks s = registry.http((i & 63) == 0 ? notFound : ok);
            // One request in 100 on a new connection (blocked, connecting and TLS times), as VuHttp records it.
            long connect = i % 100 == 0 ? 50 + (micros & 255) : 0;
            s.record(connect, connect, connect, 0, micros, micros >> 4, micros + (micros >> 4), (i & 63) == 0, 80,
                    120);
        }
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
