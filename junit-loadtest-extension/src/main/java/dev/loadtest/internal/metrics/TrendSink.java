package dev.loadtest.internal.metrics;

import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A trend recorded into HdrHistogram: wait-free for recording threads, constant memory whatever the number of
 * samples. Values are microseconds for time trends.
 *
 * <p>Zeros, the usual value of {@code http_req_blocked}, {@code http_req_connecting},
 * {@code http_req_tls_handshaking} and {@code http_req_sending} on a reused connection, are only counted (one
 * uncontended add instead of a histogram record) and put back at value 0 in every snapshot, so the distribution is
 * exact. A {@link #dense()} trend, for the values every request has, records into a fixed-range histogram (up to
 * {@link #DENSE_HIGHEST} µs): an atomic increment under the recorder's phaser, about 30 % cheaper than the
 * auto-resizing kind, whose own phaser guards its resizing (41 against 57 ns per value in BENCHMARKS.md). Values above its range are recorded at its top (an hour is beyond any
 * request timeout a load test would use).
 */
public final class TrendSink {

    /** The highest value a {@link #dense()} trend tells apart: one hour in microseconds. */
    public static final long DENSE_HIGHEST = 3_600_000_000L;

    private static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder recorder;
    private final long highest;
    private final LongAdder zeros = new LongAdder();
    private final LongAdder sharedZeros;
    private final Histogram accumulated = new Histogram(SIGNIFICANT_DIGITS);
    private final Object readLock = new Object();
    private Histogram interval;

    private TrendSink(Recorder recorder, long highest, LongAdder sharedZeros) {
        this.recorder = recorder;
        this.highest = highest;
        this.sharedZeros = sharedZeros;
    }

    /** A trend whose histogram grows with the values recorded (small while they are small or zero). */
    public static TrendSink sparse() {
        return sparse(null);
    }

    /**
     * A sparse trend that also counts, as zeros, what {@code sharedZeros} counts: for trends that are zero together
     * (the connection phases of a reused connection), so that the caller adds once for all of them instead of
     * calling {@link #record} with 0 on each.
     */
    public static TrendSink sparse(LongAdder sharedZeros) {
        return new TrendSink(new Recorder(SIGNIFICANT_DIGITS), Long.MAX_VALUE, sharedZeros);
    }

    /** A trend for a value every request has: cheaper to record, about 190 KB per histogram whatever the values. */
    public static TrendSink dense() {
        return new TrendSink(new Recorder(1, DENSE_HIGHEST, SIGNIFICANT_DIGITS), DENSE_HIGHEST, null);
    }

    /** Records one value (negative ones as 0); wait-free. */
    public void record(long value) {
        if (value <= 0) {
            zeros.increment();
        } else {
            recorder.recordValue(Math.min(value, highest));
        }
    }

    /** A copy of everything recorded so far; only readers take the lock, never recording threads. */
    public Histogram snapshot() {
        synchronized (readLock) {
            interval = recorder.getIntervalHistogram(interval);
            accumulated.add(interval);
            Histogram copy = accumulated.copy();
            long zeroCount = zeros.sum() + (sharedZeros == null ? 0 : sharedZeros.sum());
            if (zeroCount > 0) {
                copy.recordValueWithCount(0, zeroCount);
            }
            return copy;
        }
    }
}
