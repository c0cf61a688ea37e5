package dev.loadtest.internal.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses k6 duration strings: {@code 500ms}, {@code 30s}, {@code 1m30s}, {@code 2h}, {@code 1.5s}. */
public final class DurationParser {

    private static final Pattern WHOLE = Pattern.compile("(?:[0-9]+(?:\\.[0-9]+)?(?:ms|us|µs|s|m|h))+");
    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|us|µs|s|m|h)");

    private DurationParser() {
    }

    /**
     * Parses {@code text}, failing with a message naming the annotation, attribute and what is accepted.
     *
     * @param where e.g. {@code method [checkout()]}
     */
    public static Duration parse(String text, String annotation, String attribute, String where) {
        String s = text.strip();
        if (!WHOLE.matcher(s).matches()) {
            throw new ConfigurationException(annotation, attribute, text, where,
                    "a k6 duration such as 500ms, 30s, 1m30s or 2h (a number with a unit ms, s, m or h; not negative)");
        }
        Matcher m = PART.matcher(s);
        double nanos = 0;
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            nanos += v * switch (m.group(2)) {
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
        }
        return Duration.ofNanos((long) nanos);
    }

    /** k6's way of printing a duration, e.g. {@code 1m30s} or {@code 250ms}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        StringBuilder sb = new StringBuilder();
        long h = d.toHours();
        long m = d.toMinutesPart();
        double s = d.toSecondsPart() + d.toMillisPart() / 1000.0;
        if (h > 0) {
            sb.append(h).append('h');
        }
        if (m > 0) {
            sb.append(m).append('m');
        }
        if (s > 0) {
            sb.append(s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)).append('s');
        }
        return sb.toString();
    }
}
