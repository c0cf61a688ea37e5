package dev.loadtest.internal.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A metric name with an optional tag filter, k6's sub-metric syntax: {@code http_req_duration{status:200,name:cart}}.
 *
 * @param metric the metric
 * @param filter tags every counted sample must carry
 * @param text the expression as written
 */
public record MetricQuery(Metric metric, Map<String, String> filter, String text) {

    /**
     * Parses an expression.
     *
     * @return the query, or empty with {@code problem[0]} set to what is wrong
     */
    public static Optional<MetricQuery> parse(String text, String[] problem) {
        String trimmed = text.strip();
        String name = trimmed;
        Map<String, String> filter = new LinkedHashMap<>();
        int brace = trimmed.indexOf('{');
        if (brace >= 0) {
            if (!trimmed.endsWith("}")) {
                problem[0] = "a tag filter must end with '}'";
                return Optional.empty();
            }
            name = trimmed.substring(0, brace).strip();
            String inner = trimmed.substring(brace + 1, trimmed.length() - 1).strip();
            if (inner.isEmpty()) {
                problem[0] = "a tag filter must name at least one tag, as in {status:200}";
                return Optional.empty();
            }
            for (String pair : inner.split(",")) {
                int colon = pair.indexOf(':');
                if (colon <= 0 || colon == pair.length() - 1) {
                    problem[0] = "tag filter entries are key:value, but found '" + pair.strip() + "'";
                    return Optional.empty();
                }
                filter.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
            }
        }
        Optional<Metric> metric = Metric.byName(name);
        if (metric.isEmpty()) {
            problem[0] = "unknown metric '" + name + "'; known metrics: " + knownNames();
            return Optional.empty();
        }
        return Optional.of(new MetricQuery(metric.get(), Map.copyOf(filter), trimmed));
    }

    public static String knownNames() {
        StringBuilder sb = new StringBuilder();
        for (Metric m : Metric.values()) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(m.k6Name());
        }
        return sb.toString();
    }
}
