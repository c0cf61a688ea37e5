package dev.loadtest.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("One response's metrics, recorded at once")
class HttpSinksTests {

    @Test
    @DisplayName("reused connections count once for the four connection phases; each trend still has every sample")
    void reusedConnectionsCountInEveryConnectionTrend() {
        MetricRegistry registry = new MetricRegistry(System.nanoTime());
        HttpSinks sinks = registry.http(TagSet.of("name", "a"));
        for (int i = 0; i < 3; i++) {
            sinks.record(0, 0, 0, 0, 900, 10, 910, false, 80, 120);
        }
        sinks.record(500, 300, 2_000, 0, 950, 12, 962, true, 80, 120);

        for (TrendSink phase : new TrendSink[] {sinks.blocked(), sinks.connecting(), sinks.tlsHandshaking(),
                sinks.sending()}) {
            assertThat(phase.snapshot().getTotalCount()).isEqualTo(4);
        }
        Histogram tls = sinks.tlsHandshaking().snapshot();
        assertThat(tls.getCountAtValue(0)).isEqualTo(3);
        assertThat(tls.getMaxValue()).isBetween(2_000L, 2_001L);
        assertThat(sinks.sending().snapshot().getCountAtValue(0)).isEqualTo(4);
        assertThat(sinks.blocked().snapshot().getMaxValue()).isEqualTo(500);
        assertThat(sinks.waiting().snapshot().getTotalCount()).isEqualTo(4);
        assertThat(sinks.duration().snapshot().getMinValue()).isBetween(909L, 910L);
        assertThat(sinks.reqs().sum()).isEqualTo(4);
        assertThat(sinks.failed().trues()).isEqualTo(1);
        assertThat(sinks.failed().falses()).isEqualTo(3);
        assertThat(sinks.dataSent().sum()).isEqualTo(320);
        assertThat(sinks.dataReceived().sum()).isEqualTo(480);
    }

    @Test
    @DisplayName("the registry aggregates the shared zeros like any other sample")
    void registryAggregatesSharedZeros() {
        MetricRegistry registry = new MetricRegistry(System.nanoTime());
        registry.http(TagSet.of("name", "a")).record(0, 0, 0, 0, 100, 1, 101, false, 1, 1);
        registry.http(TagSet.of("name", "b")).record(40, 0, 0, 0, 100, 1, 101, false, 1, 1);
        MetricQuery query = MetricQuery.parse("http_req_blocked", new String[1]).orElseThrow();
        Histogram blocked = registry.aggregate(query, System.nanoTime()).histogram();
        assertThat(blocked.getTotalCount()).isEqualTo(2);
        assertThat(blocked.getCountAtValue(0)).isEqualTo(1);
        assertThat(blocked.getMaxValue()).isEqualTo(40);
    }
}
