package dev.loadtest.internal.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.loadtest.Executor;
import dev.loadtest.LoadResult.CheckStats;
import dev.loadtest.LoadResult.ThresholdOutcome;
import dev.loadtest.internal.config.DurationParser;
import dev.loadtest.internal.config.LoadPlan;
import dev.loadtest.internal.metrics.Aggregate;
import dev.loadtest.internal.metrics.Metric;
import dev.loadtest.internal.metrics.MetricQuery;
import dev.loadtest.internal.metrics.MetricType;

/** The k6-style end-of-test summary. */
final class SummaryFormatter {

    private static final int NAME_WIDTH = 36;

    private SummaryFormatter() {
    }

    static String format(DefaultLoadResult r) {
        StringBuilder sb = new StringBuilder();
        LoadPlan plan = r.plan();
        sb.append("\n     scenarios: 1 scenario, ").append(plan.maxConcurrentVus()).append(" max VUs\n");
        sb.append("              * ").append(plan.scenario()).append(": ").append(describe(plan)).append('\n');
        if (plan.executor() == Executor.CONSTANT_ARRIVAL_RATE || plan.executor() == Executor.RAMPING_ARRIVAL_RATE) {
            sb.append("                ").append(achievedRate(r)).append('\n');
        }
        for (String note : r.notes()) {
            sb.append(note.startsWith("loadtest.") ? "     override: " : "     ").append(note).append('\n');
        }
        r.abortReason().ifPresent(a -> sb.append("\n     ABORTED: ").append(a).append('\n'));
        sb.append('\n');

        Map<String, CheckStats> checks = r.checks();
        checks.forEach((name, c) -> sb.append("     ").append(c.fails() == 0 ? "✓ " : "✗ ").append(name)
                .append(c.fails() == 0 ? "" : "\n      ↳  " + percent(c.passes(), c.passes() + c.fails())
                        + " — ✓ " + c.passes() + " / ✗ " + c.fails())
                .append('\n'));
        if (!checks.isEmpty()) {
            sb.append('\n');
        }

        Map<String, List<ThresholdOutcome>> byMetric = new TreeMap<>();
        for (ThresholdOutcome o : r.thresholds()) {
            byMetric.computeIfAbsent(o.metric(), k -> new ArrayList<>()).add(o);
        }
        for (Metric m : sortedMetrics()) {
            Aggregate a = r.aggregate(new MetricQuery(m, Map.of(), m.k6Name()));
            List<ThresholdOutcome> own = byMetric.remove(m.k6Name());
            boolean empty = m.type() == MetricType.GAUGE ? a.gaugeMax() == 0 : a.count() == 0;
            if (!empty || own != null) {
                sb.append(line(mark(own), m.k6Name(), value(a)));
            }
            // Sub-metrics with thresholds go right under their metric, as in k6.
            String prefix = m.k6Name() + "{";
            for (String metric : List.copyOf(byMetric.keySet())) {
                if (metric.startsWith(prefix)) {
                    MetricQuery q = MetricQuery.parse(metric, new String[1]).orElseThrow();
                    sb.append(line(mark(byMetric.remove(metric)), "  { " + metric.substring(prefix.length(),
                            metric.length() - 1) + " }", value(r.aggregate(q))));
                }
            }
        }

        if (!r.thresholds().isEmpty()) {
            sb.append("\n     thresholds:\n");
            for (ThresholdOutcome o : r.thresholds()) {
                sb.append("     ").append(o.passed() ? "✓ " : "✗ ").append(o.metric()).append(" '")
                        .append(o.condition()).append("' ").append(o.description()).append('\n');
            }
        }
        if (!r.iterationErrors().isEmpty()) {
            sb.append("\n     iteration errors:\n");
            r.iterationErrors().forEach((message, count) -> sb.append("     ").append(String.format(Locale.ROOT,
                    "%8d × ", count)).append(message).append('\n'));
        }
        if (r.interruptedIterations() > 0) {
            sb.append("\n     interrupted iterations: ").append(r.interruptedIterations()).append('\n');
        }
        return sb.toString();
    }

    private static String describe(LoadPlan p) {
        String grace = " (gracefulStop: " + DurationParser.format(p.gracefulStop()) + ")";
        return switch (p.executor()) {
            case SHARED_ITERATIONS -> p.iterations() + " iterations shared among " + p.vus() + " VUs (maxDuration: "
                    + DurationParser.format(p.maxDuration()) + ", gracefulStop: "
                    + DurationParser.format(p.gracefulStop()) + ")";
            case PER_VU_ITERATIONS -> p.iterations() + " iterations for each of " + p.vus() + " VUs (maxDuration: "
                    + DurationParser.format(p.maxDuration()) + ", gracefulStop: "
                    + DurationParser.format(p.gracefulStop()) + ")";
            case CONSTANT_VUS -> p.vus() + " looping VUs for " + DurationParser.format(p.duration()) + grace;
            case RAMPING_VUS -> "Up to " + p.maxConcurrentVus() + " looping VUs for "
                    + DurationParser.format(p.stagesDuration()) + " over " + p.stages().size() + " stages"
                    + " (gracefulRampDown: " + DurationParser.format(p.gracefulRampDown()) + ", gracefulStop: "
                    + DurationParser.format(p.gracefulStop()) + ")";
            case CONSTANT_ARRIVAL_RATE -> p.rate() + " iterations/" + DurationParser.format(p.timeUnit()) + " for "
                    + DurationParser.format(p.duration()) + " (maxVUs: " + p.preAllocatedVus() + "-" + p.maxVus()
                    + ")" + grace;
            case RAMPING_ARRIVAL_RATE -> "Up to " + p.stages().stream().mapToLong(LoadPlan.StagePlan::target).max()
                    .orElse(0) + " iterations/" + DurationParser.format(p.timeUnit()) + " for "
                    + DurationParser.format(p.stagesDuration()) + " over " + p.stages().size() + " stages (maxVUs: "
                    + p.preAllocatedVus() + "-" + p.maxVus() + ")" + grace;
            case AUTO -> "auto";
        };
    }

    /**
     * Iterations started per time unit over the schedule's window (up to an abort), against what the plan asked
     * for: the rate, or for a ramp the average of its rate line.
     */
    private static String achievedRate(DefaultLoadResult r) {
        LoadPlan p = r.plan();
        boolean constant = p.executor() == Executor.CONSTANT_ARRIVAL_RATE;
        Duration planned = constant ? p.duration() : p.stagesDuration();
        double requested = p.rate();
        if (!constant) {
            double integral = 0;
            long from = p.startRate();
            for (LoadPlan.StagePlan stage : p.stages()) {
                integral += (from + stage.target()) / 2.0 * stage.duration().toNanos() / p.timeUnit().toNanos();
                from = stage.target();
            }
            requested = integral / ((double) planned.toNanos() / p.timeUnit().toNanos());
        }
        Duration window = r.abortReason().isPresent() && r.elapsed().compareTo(planned) < 0 ? r.elapsed() : planned;
        double units = (double) window.toNanos() / p.timeUnit().toNanos();
        long started = r.count(Metric.ITERATIONS.k6Name()) + r.interruptedIterations();
        long dropped = r.count(Metric.DROPPED_ITERATIONS.k6Name());
        return "achieved rate: " + number(started / units) + " iterations/" + DurationParser.format(p.timeUnit())
                + " of " + number(requested) + (constant ? "" : " on average") + " requested (" + started
                + " started, " + dropped + " dropped)";
    }

    private static List<Metric> sortedMetrics() {
        List<Metric> metrics = new ArrayList<>(List.of(Metric.values()));
        metrics.sort((a, b) -> a.k6Name().compareTo(b.k6Name()));
        return metrics;
    }

    private static String mark(List<ThresholdOutcome> outcomes) {
        if (outcomes == null) {
            return "  ";
        }
        return outcomes.stream().allMatch(ThresholdOutcome::passed) ? "✓ " : "✗ ";
    }

    private static String line(String mark, String name, String value) {
        StringBuilder dots = new StringBuilder(name);
        dots.append('.');
        while (dots.length() < NAME_WIDTH) {
            dots.append('.');
        }
        return "   " + mark + dots + ": " + value + "\n";
    }

    private static String value(Aggregate a) {
        Metric m = a.metric();
        return switch (m.type()) {
            case TREND -> "avg=" + unit(m, a.avg()) + " min=" + unit(m, a.min()) + " med=" + unit(m,
                    a.percentile(50)) + " max=" + unit(m, a.max()) + " p(90)=" + unit(m, a.percentile(90))
                    + " p(95)=" + unit(m, a.percentile(95));
            case COUNTER -> {
                boolean bytes = m == Metric.DATA_SENT || m == Metric.DATA_RECEIVED;
                yield String.format(Locale.ROOT, "%-10s %s/s", bytes ? bytes(a.count()) : String.valueOf(a.count()),
                        bytes ? bytes((long) a.perSecond()) : number(a.perSecond()));
            }
            case RATE -> String.format(Locale.ROOT, "%-10s ✓ %-8d ✗ %d", percent(a.trues(), a.trues() + a.falses()),
                    a.trues(), a.falses());
            case GAUGE -> String.format(Locale.ROOT, "%-10d max=%d", a.gaugeValue(), a.gaugeMax());
        };
    }

    private static String unit(Metric m, double v) {
        return m.isTime() ? millis(v) : number(v);
    }

    /** k6's way: 245.3µs, 12.34ms, 1.2s. */
    static String millis(double ms) {
        if (ms == 0) {
            return "0s";
        }
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.2fµs", ms * 1000);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.2fms", ms);
        }
        return String.format(Locale.ROOT, "%.2fs", ms / 1000);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0.00%" : String.format(Locale.ROOT, "%.2f%%", 100.0 * part / whole);
    }

    private static String bytes(long b) {
        if (b < 1000) {
            return b + " B";
        }
        if (b < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", b / 1000.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", b / 1e6);
    }
}
