package dev.loadtest.internal.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Iterations that threw, tallied by distinct message; bounded in the number of distinct messages. */
public final class IterationErrors {

    private static final int MAX_DISTINCT = 50;
    private static final String OTHER = "(further distinct errors)";

    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    void record(Throwable error) {
        String key = describe(error);
        LongAdder adder = counts.get(key);
        if (adder == null) {
            adder = counts.size() < MAX_DISTINCT ? counts.computeIfAbsent(key, k -> new LongAdder())
                    : counts.computeIfAbsent(OTHER, k -> new LongAdder());
        }
        adder.increment();
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        String first = message == null ? "" : message.strip().lines().findFirst().orElse("");
        if (first.length() > 200) {
            first = first.substring(0, 200) + "…";
        }
        return error.getClass().getSimpleName() + (first.isEmpty() ? "" : ": " + first);
    }

    /** Counts by message, most frequent first. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .forEach(e -> out.put(e.getKey(), e.getValue().sum()));
        return out;
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
