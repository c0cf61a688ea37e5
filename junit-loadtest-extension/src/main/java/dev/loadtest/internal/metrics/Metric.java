package dev.loadtest.internal.metrics;

import java.util.Arrays;
import java.util.Optional;

/** The built-in metrics, with k6's names. Time trends record microseconds and report milliseconds. */
public enum Metric {
    HTTP_REQS("http_reqs", MetricType.COUNTER, false),
    HTTP_REQ_DURATION("http_req_duration", MetricType.TREND, true),
    HTTP_REQ_BLOCKED("http_req_blocked", MetricType.TREND, true),
    HTTP_REQ_CONNECTING("http_req_connecting", MetricType.TREND, true),
    HTTP_REQ_TLS_HANDSHAKING("http_req_tls_handshaking", MetricType.TREND, true),
    HTTP_REQ_SENDING("http_req_sending", MetricType.TREND, true),
    HTTP_REQ_WAITING("http_req_waiting", MetricType.TREND, true),
    HTTP_REQ_RECEIVING("http_req_receiving", MetricType.TREND, true),
    HTTP_REQ_FAILED("http_req_failed", MetricType.RATE, false),
    ITERATIONS("iterations", MetricType.COUNTER, false),
    ITERATION_DURATION("iteration_duration", MetricType.TREND, true),
    DROPPED_ITERATIONS("dropped_iterations", MetricType.COUNTER, false),
    ITERATION_SCHEDULE_LAG("iteration_schedule_lag", MetricType.TREND, true),
    DATA_SENT("data_sent", MetricType.COUNTER, false),
    DATA_RECEIVED("data_received", MetricType.COUNTER, false),
    VUS("vus", MetricType.GAUGE, false),
    VUS_MAX("vus_max", MetricType.GAUGE, false),
    CHECKS("checks", MetricType.RATE, false),
    GROUP_DURATION("group_duration", MetricType.TREND, true);

    private final String k6Name;
    private final MetricType type;
    private final boolean time;

    Metric(String k6Name, MetricType type, boolean time) {
        this.k6Name = k6Name;
        this.type = type;
        this.time = time;
    }

    public String k6Name() {
        return k6Name;
    }

    public MetricType type() {
        return type;
    }

    /** Whether values are durations (recorded in microseconds, shown in milliseconds). */
    public boolean isTime() {
        return time;
    }

    public static Optional<Metric> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.k6Name.equals(name)).findFirst();
    }
}
