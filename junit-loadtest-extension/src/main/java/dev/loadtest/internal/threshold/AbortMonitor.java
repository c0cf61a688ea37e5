package dev.loadtest.internal.threshold;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.loadtest.LoadResult.ThresholdOutcome;
import dev.loadtest.internal.engine.RunControl;
import dev.loadtest.internal.metrics.MetricRegistry;

/** Evaluates {@code abortOnFail} thresholds once a second while the run goes on, and aborts it on a breach. */
public final class AbortMonitor implements AutoCloseable {

    private static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Thread thread;
    private volatile boolean closed;

    private AbortMonitor(List<ThresholdSpec> specs, MetricRegistry registry, RunControl control) {
        thread = Thread.ofVirtual().name("loadtest-abort-monitor").start(() -> {
            long next = registry.startNanos() + PERIOD_NANOS;
            try {
                while (!closed && !control.stopping()) {
                    control.awaitUntil(next, () -> closed || control.stopping());
                    next += PERIOD_NANOS;
                    long now = System.nanoTime();
                    for (ThresholdSpec spec : specs) {
                        if (now - registry.startNanos() < spec.delayAbortEval().toNanos()) {
                            continue;
                        }
                        ThresholdOutcome o = ThresholdEvaluator.evaluate(spec, registry, now);
                        if (!o.passed()) {
                            control.abort("threshold " + ThresholdEvaluator.failureLine(o)
                                    + " (abortOnFail) after " + String.format(java.util.Locale.ROOT, "%.1fs",
                                            (now - registry.startNanos()) / 1e9));
                            return;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Starts a monitor when any threshold aborts on failure; otherwise returns a no-op. */
    public static AbortMonitor start(List<ThresholdSpec> specs, MetricRegistry registry, RunControl control) {
        List<ThresholdSpec> aborting = specs.stream().filter(ThresholdSpec::abortOnFail).toList();
        return aborting.isEmpty() ? null : new AbortMonitor(aborting, registry, control);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
