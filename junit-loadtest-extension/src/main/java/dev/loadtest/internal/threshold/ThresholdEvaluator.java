package dev.loadtest.internal.threshold;

import java.util.List;

import dev.loadtest.LoadResult.ThresholdOutcome;
import dev.loadtest.internal.metrics.Aggregate;
import dev.loadtest.internal.metrics.MetricRegistry;

/** Evaluates thresholds against the samples recorded so far. */
public final class ThresholdEvaluator {

    private ThresholdEvaluator() {
    }

    public static ThresholdOutcome evaluate(ThresholdSpec spec, MetricRegistry registry, long nowNanos) {
        Aggregate aggregate = registry.aggregate(spec.query(), nowNanos);
        double observed = spec.observe(aggregate);
        return new ThresholdOutcome(spec.query().text(), spec.condition(), observed, spec.holds(observed),
                spec.describe(observed));
    }

    public static List<ThresholdOutcome> evaluate(List<ThresholdSpec> specs, MetricRegistry registry,
            long nowNanos) {
        return specs.stream().map(s -> evaluate(s, registry, nowNanos)).toList();
    }

    /** The one-line failure text, e.g. {@code http_req_duration p(95)<200 failed: p(95)=245.3ms}. */
    public static String failureLine(ThresholdOutcome o) {
        return o.metric() + " " + o.condition() + " failed: " + o.description();
    }
}
