package dev.loadtest.internal.engine;

/**
 * When the iterations of an arrival-rate executor are due. Each start is computed from the iteration's number
 * alone, never from the previous start, so rounding and late wake-ups cannot accumulate into drift.
 */
interface ArrivalRateSchedule {

    /** How many iterations the whole schedule starts. */
    long iterations();

    /** When iteration {@code n} (from 0, below {@link #iterations()}) is due, in nanoseconds from the start. */
    long offsetNanos(long n);

    /** How long the schedule runs, in nanoseconds; graceful stop begins after it. */
    long lengthNanos();
}
