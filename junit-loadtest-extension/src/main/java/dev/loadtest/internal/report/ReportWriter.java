package dev.loadtest.internal.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.loadtest.LoadResult.ThresholdOutcome;
import dev.loadtest.internal.metrics.Aggregate;
import dev.loadtest.internal.metrics.Metric;
import dev.loadtest.internal.metrics.MetricQuery;

/** Writes the summary as text and the key figures as JSON, one pair of files per load test. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** The figures published as JUnit report entries and written to JSON. */
    public static Map<String, String> keyFigures(DefaultLoadResult r) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("loadtest.scenario", r.scenario());
        out.put("loadtest.executor", r.executor().k6Name());
        for (Metric m : Metric.values()) {
            Aggregate a = r.aggregate(new MetricQuery(m, Map.of(), m.k6Name()));
            String k = m.k6Name();
            switch (m.type()) {
                case COUNTER -> {
                    if (a.count() > 0) {
                        out.put(k + ".count", String.valueOf(a.count()));
                        out.put(k + ".rate", num(a.perSecond()));
                    }
                }
                case RATE -> {
                    if (a.count() > 0) {
                        out.put(k + ".rate", num(a.rate()));
                    }
                }
                case GAUGE -> out.put(k + ".max", String.valueOf(a.gaugeMax()));
                case TREND -> {
                    if (a.count() > 0) {
                        out.put(k + ".avg", num(a.avg()));
                        out.put(k + ".min", num(a.min()));
                        out.put(k + ".med", num(a.percentile(50)));
                        out.put(k + ".max", num(a.max()));
                        out.put(k + ".p90", num(a.percentile(90)));
                        out.put(k + ".p95", num(a.percentile(95)));
                        out.put(k + ".p99", num(a.percentile(99)));
                    }
                }
            }
        }
        for (ThresholdOutcome t : r.thresholds()) {
            out.put("threshold " + t.metric() + " " + t.condition(), (t.passed() ? "pass " : "fail ")
                    + t.description());
        }
        r.abortReason().ifPresent(a -> out.put("loadtest.aborted", a));
        return out;
    }

    /** Writes {@code name.txt} and {@code name.json} into {@code dir}; returns the JSON file. */
    public static Path write(DefaultLoadResult r, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        Files.writeString(dir.resolve(safe + ".txt"), r.summary(), StandardCharsets.UTF_8);
        StringBuilder json = new StringBuilder("{\n");
        Map<String, String> figures = keyFigures(r);
        int i = 0;
        for (Map.Entry<String, String> e : figures.entrySet()) {
            json.append("  \"").append(escape(e.getKey())).append("\": \"").append(escape(e.getValue()))
                    .append('"').append(++i < figures.size() ? ",\n" : "\n");
        }
        json.append("}\n");
        Path file = dir.resolve(safe + ".json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
