package dev.loadtest.internal.metrics;

import org.HdrHistogram.Histogram;

/** A metric's samples merged over the series that match a query, at one moment. */
public final class Aggregate {

    private final Metric metric;
    private final Histogram histogram;
    private final long count;
    private final long trues;
    private final long falses;
    private final long gaugeValue;
    private final long gaugeMax;
    private final double elapsedSeconds;

    Aggregate(Metric metric, Histogram histogram, long count, long trues, long falses, long gaugeValue,
            long gaugeMax, double elapsedSeconds) {
        this.metric = metric;
        this.histogram = histogram;
        this.count = count;
        this.trues = trues;
        this.falses = falses;
        this.gaugeValue = gaugeValue;
        this.gaugeMax = gaugeMax;
        this.elapsedSeconds = elapsedSeconds;
    }

    public Metric metric() {
        return metric;
    }

    public Histogram histogram() {
        return histogram;
    }

    /** Counter sum, trend sample count, or rate sample count. */
    public long count() {
        return switch (metric.type()) {
            case TREND -> histogram.getTotalCount();
            case RATE -> trues + falses;
            default -> count;
        };
    }

    public long trues() {
        return trues;
    }

    public long falses() {
        return falses;
    }

    public long gaugeValue() {
        return gaugeValue;
    }

    public long gaugeMax() {
        return gaugeMax;
    }

    /** Share of true samples, NaN when empty. */
    public double rate() {
        long n = trues + falses;
        return n == 0 ? Double.NaN : (double) trues / n;
    }

    /** Counter per second of run time. */
    public double perSecond() {
        return elapsedSeconds <= 0 ? 0 : count / elapsedSeconds;
    }

    /** A trend value converted to the unit users see (milliseconds for time trends). */
    public double unit(double raw) {
        return metric.isTime() ? raw / 1000.0 : raw;
    }

    public double avg() {
        return histogram.getTotalCount() == 0 ? 0 : unit(histogram.getMean());
    }

    public double min() {
        return histogram.getTotalCount() == 0 ? 0 : unit(histogram.getMinValue());
    }

    public double max() {
        return histogram.getTotalCount() == 0 ? 0 : unit(histogram.getMaxValue());
    }

    public double percentile(double p) {
        return histogram.getTotalCount() == 0 ? 0 : unit(histogram.getValueAtPercentile(p));
    }
}
