package dev.loadtest.internal.metrics;

import java.util.concurrent.atomic.AtomicLong;

/** A gauge that remembers its last and highest value. */
public final class GaugeSink {

    private final AtomicLong value = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    public void set(long v) {
        value.set(v);
        max.accumulateAndGet(v, Math::max);
    }

    public void add(long delta) {
        long v = value.addAndGet(delta);
        max.accumulateAndGet(v, Math::max);
    }

    public long value() {
        return value.get();
    }

    public long max() {
        return max.get();
    }
}
