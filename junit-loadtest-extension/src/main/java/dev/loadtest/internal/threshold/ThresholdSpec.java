package dev.loadtest.internal.threshold;

import java.time.Duration;
import java.util.Locale;

import dev.loadtest.internal.metrics.Aggregate;
import dev.loadtest.internal.metrics.MetricQuery;

/**
 * A parsed threshold: {@code aggregation operator value} on a metric query.
 *
 * @param query the metric and tag filter
 * @param condition the condition as written
 * @param aggregation avg, min, max, med, p, count, rate or value
 * @param percentile the N of p(N)
 * @param operator the comparison
 * @param bound the value compared against
 * @param abortOnFail whether a failure aborts the run
 * @param delayAbortEval how long to wait before evaluating for an abort
 */
public record ThresholdSpec(MetricQuery query, String condition, String aggregation, double percentile,
        String operator, double bound, boolean abortOnFail, Duration delayAbortEval) {

    /** The observed value of the aggregation. */
    public double observe(Aggregate a) {
        return switch (aggregation) {
            case "avg" -> a.avg();
            case "min" -> a.min();
            case "max" -> a.max();
            case "med" -> a.percentile(50);
            case "p" -> a.percentile(percentile);
            case "count" -> a.count();
            case "rate" -> switch (a.metric().type()) {
                case COUNTER -> a.perSecond();
                default -> a.rate();
            };
            case "value" -> a.gaugeValue();
            default -> throw new IllegalStateException(aggregation);
        };
    }

    /** Whether the observed value satisfies the condition; an empty rate (NaN) passes, as in k6. */
    public boolean holds(double observed) {
        if (Double.isNaN(observed)) {
            return true;
        }
        return switch (operator) {
            case "<" -> observed < bound;
            case "<=" -> observed <= bound;
            case ">" -> observed > bound;
            case ">=" -> observed >= bound;
            case "==", "===" -> observed == bound;
            case "!=" -> observed != bound;
            default -> throw new IllegalStateException(operator);
        };
    }

    /** The aggregation as k6 names it, e.g. {@code p(95)}. */
    public String aggregationLabel() {
        return aggregation.equals("p") ? "p(" + format(percentile) + ")" : aggregation;
    }

    /** e.g. {@code p(95)=245.3ms}. */
    public String describe(double observed) {
        boolean time = query.metric().isTime() && !aggregation.equals("count");
        String value = Double.isNaN(observed) ? "n/a (no samples)" : format(observed) + (time ? "ms" : "");
        return aggregationLabel() + "=" + value;
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 1 ? "%.4f" : "%.1f", v).replaceAll("0+$", "")
                .replaceAll("\\.$", "");
    }
}
