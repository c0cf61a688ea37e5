package dev.loadtest.internal.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.loadtest.Http;
import dev.loadtest.Vu;
import dev.loadtest.internal.http.VuTags;
import dev.loadtest.internal.metrics.Metric;
import dev.loadtest.internal.metrics.MetricRegistry;
import dev.loadtest.internal.metrics.RateSink;
import dev.loadtest.internal.metrics.TagSet;

/** One virtual user: its counters, group path, checks and HTTP client. Used by its own thread only. */
public final class VuState implements Vu, VuTags {

    private static final ThreadLocal<VuState> CURRENT = new ThreadLocal<>();

    private final int id;
    private final String scenario;
    private final MetricRegistry registry;
    private final Map<String, RateSink> checks = new HashMap<>();
    private Http http;
    private long iterationInVu = -1;
    private long iteration = -1;
    private String groupPath = "";

    VuState(int id, String scenario, MetricRegistry registry) {
        this.id = id;
        this.scenario = scenario;
        this.registry = registry;
    }

    /** The VU whose iteration runs on this thread, if any. */
    public static Optional<VuState> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    void bind() {
        CURRENT.set(this);
    }

    static void unbind() {
        CURRENT.remove();
    }

    void http(Http client) {
        this.http = client;
    }

    public Http http() {
        return http;
    }

    void nextIteration(long overall) {
        iterationInVu++;
        iteration = overall;
        groupPath = "";
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public long iterationInVu() {
        return iterationInVu;
    }

    @Override
    public long iteration() {
        return iteration;
    }

    @Override
    public String scenario() {
        return scenario;
    }

    @Override
    public String groupPath() {
        return groupPath;
    }

    @Override
    public boolean check(String name, boolean passed) {
        String key = groupPath + "\u0000" + name;
        RateSink sink = checks.get(key);
        if (sink == null) {
            sink = registry.rate(Metric.CHECKS, TagSet.of("check", name, "scenario", scenario, "group", groupPath));
            checks.put(key, sink);
        }
        sink.add(passed);
        return passed;
    }

    @Override
    public <T> T group(String name, Supplier<T> body) {
        String previous = groupPath;
        groupPath = previous + "::" + name;
        long start = System.nanoTime();
        try {
            return body.get();
        } finally {
            registry.trend(Metric.GROUP_DURATION, TagSet.of("group", groupPath, "scenario", scenario))
                    .record((System.nanoTime() - start) / 1000);
            groupPath = previous;
        }
    }

    @Override
    public String toString() {
        return "VU " + id + " of " + scenario;
    }
}
