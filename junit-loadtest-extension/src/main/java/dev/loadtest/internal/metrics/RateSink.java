package dev.loadtest.internal.metrics;

import java.util.concurrent.atomic.LongAdder;

/** A rate: the share of non-zero values. */
public final class RateSink {

    private final LongAdder trues = new LongAdder();
    private final LongAdder falses = new LongAdder();

    public void add(boolean value) {
        (value ? trues : falses).increment();
    }

    public long trues() {
        return trues.sum();
    }

    public long falses() {
        return falses.sum();
    }
}
