package dev.loadtest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one load run: metric values, thresholds, checks and iteration errors. Inject it into an
 * {@code @AfterEach} method to assert on it in code.
 *
 * <p>Metric arguments accept tag filters, e.g. {@code "http_req_duration{status:200}"}.
 */
public interface LoadResult {

    /** The scenario name. */
    String scenario();

    /** The executor that ran. */
    Executor executor();

    /** Wall time of the run. */
    Duration elapsed();

    /** The sum of a counter metric (e.g. {@code http_reqs}, {@code iterations}). */
    long count(String metric);

    /** The rate of a rate metric in [0, 1] (e.g. {@code http_req_failed}, {@code checks}); NaN when empty. */
    double rate(String metric);

    /** The statistics of a trend metric (e.g. {@code http_req_duration}). */
    TrendStats trend(String metric);

    /** The last and highest value of a gauge (e.g. {@code vus}, {@code vus_max}). */
    GaugeStats gauge(String metric);

    /** Each threshold with its observed value and verdict. */
    List<ThresholdOutcome> thresholds();

    /** Checks by name. */
    Map<String, CheckStats> checks();

    /** Iterations that threw, counted by distinct message. */
    Map<String, Long> iterationErrors();

    /** Why the run was aborted early, or empty. */
    java.util.Optional<String> abortReason();

    /** Overrides and warnings that applied to this run (e.g. {@code loadtest.scale=0.1}). */
    List<String> notes();

    /** The k6-style end-of-test summary. */
    String summary();

    /**
     * Statistics of a trend; time trends are in milliseconds.
     *
     * @param count number of samples
     * @param avg mean
     * @param min minimum
     * @param med median
     * @param max maximum
     * @param p90 90th percentile
     * @param p95 95th percentile
     * @param percentiles a function for any percentile
     */
    record TrendStats(long count, double avg, double min, double med, double max, double p90, double p95,
            java.util.function.DoubleUnaryOperator percentiles) {

        /** The given percentile, 0 to 100. */
        public double percentile(double p) {
            return percentiles.applyAsDouble(p);
        }
    }

    /**
     * A gauge's values.
     *
     * @param value last value
     * @param max highest value
     */
    record GaugeStats(long value, long max) {
    }

    /**
     * Pass and fail counts of one check.
     *
     * @param passes passes
     * @param fails fails
     */
    record CheckStats(long passes, long fails) {
    }

    /**
     * A threshold's verdict.
     *
     * @param metric the metric expression as declared
     * @param condition the condition as declared
     * @param observed the observed value of the aggregation
     * @param passed whether the condition held
     * @param description e.g. {@code p(95)=245.3ms}
     */
    record ThresholdOutcome(String metric, String condition, double observed, boolean passed, String description) {
    }
}
