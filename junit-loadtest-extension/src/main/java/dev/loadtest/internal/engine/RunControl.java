package dev.loadtest.internal.engine;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/** The run's stop and abort flags, and a way to wait for changes without polling hot. */
public final class RunControl {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile boolean stopping;
    private volatile String abortReason;

    /** No new iterations start after this. */
    public boolean stopping() {
        return stopping;
    }

    public void stop() {
        stopping = true;
        signal();
    }

    /** Stops the run at once, giving running iterations no grace. */
    public void abort(String reason) {
        if (abortReason == null) {
            abortReason = reason;
        }
        stop();
    }

    public Optional<String> abortReason() {
        return Optional.ofNullable(abortReason);
    }

    public boolean aborted() {
        return abortReason != null;
    }

    /** Wakes whoever waits in {@link #awaitUntil}. */
    public void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code done} holds, the deadline passes or the run is aborted.
     *
     * @return whether {@code done} holds
     */
    public boolean awaitUntil(long deadlineNanos, BooleanSupplier done) throws InterruptedException {
        lock.lock();
        try {
            while (!done.getAsBoolean() && !aborted()) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                changed.await(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(250)), TimeUnit.NANOSECONDS);
            }
            return done.getAsBoolean();
        } finally {
            lock.unlock();
        }
    }
}
