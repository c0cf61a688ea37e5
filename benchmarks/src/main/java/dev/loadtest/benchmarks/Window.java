package dev.loadtest.benchmarks;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;

/**
 * The measured window of a JVM generator: {@code warmUp} after the first response it notes the requests counted
 * so far and the process's CPU time, and again {@code measure} later. Every JVM generator runs its load for
 * warm-up plus measurement (plus a margin) and is measured by this same sampler, so the window excludes start-up
 * (JVM, JUnit, client set-up), warm-up and shut-down for all of them alike (like the "load window only" of the
 * reference figures). A window that did not close while the load was still running is reported as invalid.
 */
final class Window {

    private final Duration warmUp;
    private final Duration measure;
    private final LongSupplier ok;
    private final LongSupplier failed;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile long requests;
    private volatile long failures;
    private volatile long cpuNanos;
    private volatile long wallNanos;

    Window(Duration warmUp, Duration measure, LongSupplier ok, LongSupplier failed) {
        this.warmUp = warmUp;
        this.measure = measure;
        this.ok = ok;
        this.failed = failed;
    }

    /** Starts the sampler: the load must run for at least warm-up + measure after its first response. */
    Window start() {
        Thread.ofPlatform().daemon().name("benchmark-window").start(() -> {
            try {
                while (ok.getAsLong() + failed.getAsLong() == 0) {
                    Thread.sleep(1);
                }
                long t0 = System.nanoTime();
                sleepUntil(t0 + warmUp.toNanos());
                long ok0 = ok.getAsLong();
                long failed0 = failed.getAsLong();
                long cpu0 = ProcessStats.cpuNanos();
                long wall0 = System.nanoTime();
                sleepUntil(wall0 + measure.toNanos());
                long ok1 = ok.getAsLong();
                long failed1 = failed.getAsLong();
                long cpu1 = ProcessStats.cpuNanos();
                long wall1 = System.nanoTime();
                requests = ok1 - ok0;
                failures = failed1 - failed0;
                cpuNanos = cpu1 - cpu0;
                wallNanos = wall1 - wall0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                done.countDown();
            }
        });
        return this;
    }

    /** Whether the window has closed. */
    boolean closed() {
        return done.getCount() == 0;
    }

    /** Call when the load has ended: prints the line run.sh reads. */
    void report(String generator) {
        if (done.getCount() > 0) {
            System.out.printf(Locale.ROOT, "INVALID generator=%s: the load ended before the measured window did%n",
                    generator);
            return;
        }
        System.out.printf(Locale.ROOT, "RESULT generator=%s requests=%d failed=%d cpu_s=%.4f wall_s=%.4f%n",
                generator, requests, failures, cpuNanos / 1e9, wallNanos / 1e9);
        System.out.printf(Locale.ROOT, "%s: %,.0f requests per generator CPU-second, %,.0f requests/s%n", generator,
                requests / (cpuNanos / 1e9), requests / (wallNanos / 1e9));
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }
}
