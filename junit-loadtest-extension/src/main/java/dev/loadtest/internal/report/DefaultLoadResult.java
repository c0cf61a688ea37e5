package dev.loadtest.internal.report;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.loadtest.Executor;
import dev.loadtest.LoadResult;
import dev.loadtest.internal.config.ConfigurationException;
import dev.loadtest.internal.config.LoadPlan;
import dev.loadtest.internal.metrics.Aggregate;
import dev.loadtest.internal.metrics.Metric;
import dev.loadtest.internal.metrics.MetricQuery;
import dev.loadtest.internal.metrics.MetricRegistry;
import dev.loadtest.internal.metrics.MetricType;
import dev.loadtest.internal.metrics.RateSink;
import dev.loadtest.internal.metrics.TagSet;

/** The result of a finished run, read from its registry. */
public final class DefaultLoadResult implements LoadResult {

    private final LoadPlan plan;
    private final MetricRegistry registry;
    private final long endNanos;
    private final List<ThresholdOutcome> thresholds;
    private final Map<String, Long> errors;
    private final String abortReason;
    private final List<String> notes;
    private final long interruptedIterations;
    private String summary;

    public DefaultLoadResult(LoadPlan plan, MetricRegistry registry, long endNanos,
            List<ThresholdOutcome> thresholds, Map<String, Long> errors, Optional<String> abortReason,
            List<String> notes, long interruptedIterations) {
        this.plan = plan;
        this.registry = registry;
        this.endNanos = endNanos;
        this.thresholds = List.copyOf(thresholds);
        this.errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        this.abortReason = abortReason.orElse(null);
        this.notes = List.copyOf(notes);
        this.interruptedIterations = interruptedIterations;
    }

    public LoadPlan plan() {
        return plan;
    }

    public MetricRegistry registry() {
        return registry;
    }

    public long interruptedIterations() {
        return interruptedIterations;
    }

    /** Aggregates a query as of the end of the run. */
    public Aggregate aggregate(MetricQuery query) {
        return registry.aggregate(query, endNanos);
    }

    /** Aggregates a metric expression such as {@code http_req_duration{status:200}}. */
    public Aggregate aggregate(String expression, MetricType expected) {
        String[] problem = new String[1];
        MetricQuery query = MetricQuery.parse(expression, problem)
                .orElseThrow(() -> new ConfigurationException("LoadResult: " + problem[0]));
        if (query.metric().type() != expected) {
            throw new IllegalArgumentException("metric '" + query.metric().k6Name() + "' is a "
                    + query.metric().type() + ", not a " + expected);
        }
        return registry.aggregate(query, endNanos);
    }

    @Override
    public String scenario() {
        return plan.scenario();
    }

    @Override
    public Executor executor() {
        return plan.executor();
    }

    @Override
    public Duration elapsed() {
        return Duration.ofNanos(endNanos - registry.startNanos());
    }

    @Override
    public long count(String metric) {
        return aggregate(metric, MetricType.COUNTER).count();
    }

    @Override
    public double rate(String metric) {
        return aggregate(metric, MetricType.RATE).rate();
    }

    @Override
    public TrendStats trend(String metric) {
        Aggregate a = aggregate(metric, MetricType.TREND);
        return new TrendStats(a.count(), a.avg(), a.min(), a.percentile(50), a.max(), a.percentile(90),
                a.percentile(95), a::percentile);
    }

    @Override
    public GaugeStats gauge(String metric) {
        Aggregate a = aggregate(metric, MetricType.GAUGE);
        return new GaugeStats(a.gaugeValue(), a.gaugeMax());
    }

    @Override
    public List<ThresholdOutcome> thresholds() {
        return thresholds;
    }

    @Override
    public Map<String, CheckStats> checks() {
        Map<String, long[]> counts = new TreeMap<>();
        for (Map.Entry<TagSet, Object> e : registry.series(Metric.CHECKS).entrySet()) {
            RateSink r = (RateSink) e.getValue();
            long[] c = counts.computeIfAbsent(e.getKey().get("check"), k -> new long[2]);
            c[0] += r.trues();
            c[1] += r.falses();
        }
        Map<String, CheckStats> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k, new CheckStats(v[0], v[1])));
        return out;
    }

    @Override
    public Map<String, Long> iterationErrors() {
        return errors;
    }

    @Override
    public Optional<String> abortReason() {
        return Optional.ofNullable(abortReason);
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    @Override
    public synchronized String summary() {
        if (summary == null) {
            summary = SummaryFormatter.format(this);
        }
        return summary;
    }

    @Override
    public String toString() {
        return summary();
    }
}
