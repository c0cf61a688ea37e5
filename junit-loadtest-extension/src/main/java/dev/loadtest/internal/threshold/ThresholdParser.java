package dev.loadtest.internal.threshold;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.loadtest.Threshold;
import dev.loadtest.internal.config.ConfigurationException;
import dev.loadtest.internal.config.DurationParser;
import dev.loadtest.internal.metrics.MetricQuery;
import dev.loadtest.internal.metrics.MetricType;

/** Parses {@link Threshold} annotations in k6's syntax, failing with messages that say what is accepted. */
public final class ThresholdParser {

    private static final Pattern CONDITION = Pattern.compile(
            "\\s*(avg|min|max|med|count|rate|value|p\\(\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*\\))\\s*"
                    + "(<=|>=|===|==|!=|<|>)\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*");

    private ThresholdParser() {
    }

    public static ThresholdSpec parse(Threshold threshold, String where) {
        String[] problem = new String[1];
        Optional<MetricQuery> query = MetricQuery.parse(threshold.metric(), problem);
        if (query.isEmpty()) {
            throw error(where, "metric", threshold.metric(), problem[0]);
        }
        Matcher m = CONDITION.matcher(threshold.condition());
        if (!m.matches()) {
            throw error(where, "condition", threshold.condition(),
                    "a condition is 'aggregation operator number', e.g. p(95)<200 or rate<0.01; aggregations: "
                            + "avg min max med p(N) count rate value; operators: < <= > >= == === !=");
        }
        String aggregation = m.group(1).startsWith("p(") ? "p" : m.group(1);
        double percentile = 0;
        if (aggregation.equals("p")) {
            percentile = Double.parseDouble(m.group(2));
            if (percentile < 0 || percentile > 100) {
                throw error(where, "condition", threshold.condition(), "p(N) takes N from 0 to 100");
            }
        }
        MetricType type = query.get().metric().type();
        Set<String> allowed = switch (type) {
            case TREND -> Set.of("avg", "min", "max", "med", "p");
            case COUNTER -> Set.of("count", "rate");
            case RATE -> Set.of("rate");
            case GAUGE -> Set.of("value");
        };
        if (!allowed.contains(aggregation)) {
            throw error(where, "condition", threshold.condition(), "metric '" + query.get().metric().k6Name()
                    + "' is a " + type.name().toLowerCase(java.util.Locale.ROOT) + " and accepts "
                    + allowed.stream().map(a -> a.equals("p") ? "p(N)" : a).sorted().toList());
        }
        Duration delay = Duration.ZERO;
        if (!threshold.delayAbortEval().isEmpty()) {
            delay = DurationParser.parse(threshold.delayAbortEval(), "@Threshold", "delayAbortEval", where);
        }
        return new ThresholdSpec(query.get(), threshold.condition().strip(), aggregation, percentile, m.group(3),
                Double.parseDouble(m.group(4)), threshold.abortOnFail(), delay);
    }

    private static ConfigurationException error(String where, String attribute, String value, String accepted) {
        return new ConfigurationException("@Threshold", attribute, value, where, accepted);
    }
}
