package dev.loadtest.internal.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.loadtest.Http;
import dev.loadtest.internal.config.LoadPlan;
import dev.loadtest.internal.http.RequestInterruptedException;
import dev.loadtest.internal.metrics.CounterSink;
import dev.loadtest.internal.metrics.GaugeSink;
import dev.loadtest.internal.metrics.Metric;
import dev.loadtest.internal.metrics.MetricRegistry;
import dev.loadtest.internal.metrics.TagSet;
import dev.loadtest.internal.metrics.TrendSink;

/**
 * What the executors share: the plan, VU threads, the iteration body and its bookkeeping. Executors decide when
 * VUs run iterations; this class runs them and keeps count.
 */
public final class RunContext {

    private final LoadPlan plan;
    private final MetricRegistry registry;
    private final RunControl control;
    private final IterationBody body;
    private final Function<VuState, Http> httpFactory;
    private final IterationErrors errors = new IterationErrors();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong iterationCounter = new AtomicLong();
    private final LongAdder interrupted = new LongAdder();
    private final CounterSink iterations;
    private final TrendSink iterationDuration;
    private final CounterSink droppedIterations;
    private final TrendSink scheduleLag;
    private final GaugeSink vus;
    private final GaugeSink vusMax;
    private final long startNanos;

    public RunContext(LoadPlan plan, MetricRegistry registry, RunControl control, IterationBody body,
            Function<VuState, Http> httpFactory) {
        this.plan = plan;
        this.registry = registry;
        this.control = control;
        this.body = body;
        this.httpFactory = httpFactory;
        TagSet scenario = TagSet.of("scenario", plan.scenario());
        this.iterations = registry.counter(Metric.ITERATIONS, scenario);
        this.iterationDuration = registry.denseTrend(Metric.ITERATION_DURATION, scenario);
        this.droppedIterations = registry.counter(Metric.DROPPED_ITERATIONS, scenario);
        this.scheduleLag = registry.trend(Metric.ITERATION_SCHEDULE_LAG, scenario);
        this.vus = registry.gauge(Metric.VUS, TagSet.EMPTY);
        this.vusMax = registry.gauge(Metric.VUS_MAX, TagSet.EMPTY);
        this.startNanos = registry.startNanos();
    }

    public LoadPlan plan() {
        return plan;
    }

    public RunControl control() {
        return control;
    }

    public MetricRegistry registry() {
        return registry;
    }

    public long startNanos() {
        return startNanos;
    }

    public IterationErrors errors() {
        return errors;
    }

    public long interruptedIterations() {
        return interrupted.sum();
    }

    /** A new VU; its HTTP client comes from the pool. */
    public VuState newVu(int id) {
        VuState vu = new VuState(id, plan.scenario(), registry);
        vu.http(httpFactory.apply(vu));
        vusMax.add(1);
        return vu;
    }

    /** Starts a virtual thread for a VU; it counts in the {@code vus} gauge while its loop runs. */
    public Thread startVu(VuState vu, Consumer<VuState> loop) {
        Thread thread = Thread.ofVirtual().name("loadtest-vu-" + vu.id()).unstarted(() -> {
            vu.bind();
            try {
                loop.accept(vu);
            } finally {
                running.decrementAndGet();
                VuState.unbind();
                control.signal();
            }
        });
        threads.add(thread);
        running.incrementAndGet();
        thread.start();
        return thread;
    }

    /** Adjusts the {@code vus} gauge. */
    public void vusChanged(int delta) {
        vus.add(delta);
    }

    /** Number of VU threads whose loop still runs. */
    public int runningVus() {
        return running.get();
    }

    /**
     * Runs one iteration on the calling VU's thread.
     *
     * @return false when the iteration was interrupted because the run is stopping
     */
    public boolean iterate(VuState vu) {
        vu.nextIteration(iterationCounter.getAndIncrement());
        long start = System.nanoTime();
        try {
            body.run(vu);
        } catch (RequestInterruptedException e) {
            return interrupted();
        } catch (InterruptedException e) {
            return interrupted();
        } catch (Throwable t) {
            if (Thread.currentThread().isInterrupted() && control.stopping()) {
                return interrupted();
            }
            errors.record(t);
        }
        iterationDuration.record((System.nanoTime() - start) / 1000);
        iterations.add(1);
        return true;
    }

    /**
     * Runs one iteration that a schedule wanted started at {@code dueNanos}, recording how late it starts in
     * {@code iteration_schedule_lag} (arrival-rate executors).
     *
     * @return false when the iteration was interrupted because the run is stopping
     */
    public boolean iterate(VuState vu, long dueNanos) {
        scheduleLag.record((System.nanoTime() - dueNanos) / 1000);
        return iterate(vu);
    }

    /** Counts an iteration that was due but not started because no VU was free ({@code dropped_iterations}). */
    public void dropIteration() {
        droppedIterations.add(1);
    }

    private boolean interrupted() {
        interrupted.increment();
        Thread.interrupted();
        return false;
    }

    /** Waits until every VU loop ended or the deadline passed (or the run was aborted). */
    public boolean awaitVus(long deadlineNanos) throws InterruptedException {
        return control.awaitUntil(deadlineNanos, () -> running.get() == 0);
    }

    /** Waits until the deadline, returning early only on abort. */
    public void awaitTime(long deadlineNanos) throws InterruptedException {
        control.awaitUntil(deadlineNanos, () -> false);
    }

    /**
     * Stops the run: no new iterations; running ones get {@code gracefulStop} (none after an abort), then
     * their threads are interrupted and joined.
     */
    public void stopGracefully(Duration gracefulStop) throws InterruptedException {
        control.stop();
        Duration grace = control.aborted() ? Duration.ZERO : gracefulStop;
        awaitVus(System.nanoTime() + grace.toNanos());
        for (Thread t : threads) {
            if (t.isAlive()) {
                t.interrupt();
            }
        }
        for (Thread t : threads) {
            if (!t.join(Duration.ofSeconds(10))) {
                throw new IllegalStateException("VU thread " + t.getName() + " did not stop within 10 s of its"
                        + " interrupt; an iteration ignores interrupts");
            }
        }
    }

    /** All VU threads started so far. */
    public List<Thread> threads() {
        return threads;
    }
}
