package dev.loadtest.internal.metrics;

import java.util.concurrent.atomic.LongAdder;

/** A counter. */
public final class CounterSink {

    private final LongAdder sum = new LongAdder();

    public void add(long value) {
        sum.add(value);
    }

    public long sum() {
        return sum.sum();
    }
}
