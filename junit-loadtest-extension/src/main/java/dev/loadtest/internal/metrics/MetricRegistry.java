package dev.loadtest.internal.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import org.HdrHistogram.Histogram;

/** All samples of one run, by metric and tag set. Memory grows with tag sets, never with samples. */
public final class MetricRegistry {

    private final Map<Metric, ConcurrentMap<TagSet, Object>> series = new EnumMap<>(Metric.class);
    private final ConcurrentMap<TagSet, HttpSinks> http = new ConcurrentHashMap<>();
    private final long startNanos;

    public MetricRegistry(long startNanos) {
        this.startNanos = startNanos;
        for (Metric m : Metric.values()) {
            series.put(m, new ConcurrentHashMap<>());
        }
    }

    /** The trend of a metric that most samples leave at zero, or that few samples have. */
    public TrendSink trend(Metric metric, TagSet tags) {
        return (TrendSink) sink(metric, tags, t -> TrendSink.sparse());
    }

    /** The trend of a metric that every request or iteration records, cheaper to record (see TrendSink.dense). */
    public TrendSink denseTrend(Metric metric, TagSet tags) {
        return (TrendSink) sink(metric, tags, t -> TrendSink.dense());
    }

    public CounterSink counter(Metric metric, TagSet tags) {
        return (CounterSink) sink(metric, tags, t -> new CounterSink());
    }

    public RateSink rate(Metric metric, TagSet tags) {
        return (RateSink) sink(metric, tags, t -> new RateSink());
    }

    public GaugeSink gauge(Metric metric, TagSet tags) {
        return (GaugeSink) sink(metric, tags, t -> new GaugeSink());
    }

    /** The sinks of every HTTP metric for one request tag set. */
    public HttpSinks http(TagSet tags) {
        HttpSinks sinks = http.get(tags);
        return sinks != null ? sinks : http.computeIfAbsent(tags, this::newHttpSinks);
    }

    private HttpSinks newHttpSinks(TagSet t) {
        LongAdder reused = new LongAdder();
        return new HttpSinks(counter(Metric.HTTP_REQS, t), denseTrend(Metric.HTTP_REQ_DURATION, t),
                connectionTrend(Metric.HTTP_REQ_BLOCKED, t, reused),
                connectionTrend(Metric.HTTP_REQ_CONNECTING, t, reused),
                connectionTrend(Metric.HTTP_REQ_TLS_HANDSHAKING, t, reused),
                connectionTrend(Metric.HTTP_REQ_SENDING, t, reused), denseTrend(Metric.HTTP_REQ_WAITING, t),
                denseTrend(Metric.HTTP_REQ_RECEIVING, t), rate(Metric.HTTP_REQ_FAILED, t),
                counter(Metric.DATA_SENT, t), counter(Metric.DATA_RECEIVED, t), reused);
    }

    private TrendSink connectionTrend(Metric metric, TagSet tags, LongAdder reused) {
        return (TrendSink) sink(metric, tags, t -> TrendSink.sparse(reused));
    }

    private Object sink(Metric metric, TagSet tags, Function<TagSet, Object> factory) {
        ConcurrentMap<TagSet, Object> byTags = series.get(metric);
        Object sink = byTags.get(tags);
        return sink != null ? sink : byTags.computeIfAbsent(tags, factory);
    }

    /** Every tag set recorded for a metric. */
    public Map<TagSet, Object> series(Metric metric) {
        return Map.copyOf(series.get(metric));
    }

    /** Merges the series of {@code query.metric()} whose tags match the filter, as of now. */
    public Aggregate aggregate(MetricQuery query, long nowNanos) {
        Metric metric = query.metric();
        Histogram histogram = metric.type() == MetricType.TREND ? new Histogram(3) : null;
        long count = 0;
        long trues = 0;
        long falses = 0;
        long gaugeValue = 0;
        long gaugeMax = 0;
        for (Map.Entry<TagSet, Object> e : series.get(metric).entrySet()) {
            if (!e.getKey().matches(query.filter())) {
                continue;
            }
            switch (e.getValue()) {
                case TrendSink t -> histogram.add(t.snapshot());
                case CounterSink c -> count += c.sum();
                case RateSink r -> {
                    trues += r.trues();
                    falses += r.falses();
                }
                case GaugeSink g -> {
                    gaugeValue += g.value();
                    gaugeMax = Math.max(gaugeMax, g.max());
                }
                default -> throw new IllegalStateException("unexpected sink " + e.getValue());
            }
        }
        double elapsed = (nowNanos - startNanos) / 1e9;
        return new Aggregate(metric, histogram, count, trues, falses, gaugeValue, gaugeMax, elapsed);
    }

    public long startNanos() {
        return startNanos;
    }
}
