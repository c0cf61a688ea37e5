package dev.loadtest.internal.metrics;

/** k6's metric types. */
public enum MetricType {
    COUNTER, GAUGE, RATE, TREND
}
