package dev.loadtest.internal.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A trend recorded into HdrHistogram: wait-free for recording threads, constant memory whatever the number of
 * samples. Values are microseconds for time trends.
 */
public final class TrendSink {

    private static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
    private final Histogram accumulated = new Histogram(SIGNIFICANT_DIGITS);
    private final Object readLock = new Object();
    private Histogram interval;

    /** Records one value; wait-free. */
    public void record(long value) {
        recorder.recordValue(Math.max(0, value));
    }

    /** A copy of everything recorded so far; only readers take the lock, never recording threads. */
    public Histogram snapshot() {
        synchronized (readLock) {
            interval = recorder.getIntervalHistogram(interval);
            accumulated.add(interval);
            return accumulated.copy();
        }
    }
}
