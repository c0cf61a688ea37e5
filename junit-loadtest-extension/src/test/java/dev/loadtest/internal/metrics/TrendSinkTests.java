package dev.loadtest.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A trend keeps every sample, zeros included, whatever its kind")
class TrendSinkTests {

    @Test
    @DisplayName("zeros (and negative values) are counted apart and come back at value 0 in the snapshot")
    void zerosComeBack() {
        for (TrendSink sink : List.of(TrendSink.sparse(), TrendSink.dense())) {
            sink.record(0);
            sink.record(0);
            sink.record(-5);
            sink.record(10);
            sink.record(2_000);
            Histogram h = sink.snapshot();
            assertThat(h.getTotalCount()).isEqualTo(5);
            assertThat(h.getCountAtValue(0)).isEqualTo(3);
            assertThat(h.getMinValue()).isZero();
            assertThat(h.getValueAtPercentile(80)).isEqualTo(10);
            assertThat(h.getMaxValue()).isBetween(2_000L, 2_001L);
        }
    }

    @Test
    @DisplayName("snapshots accumulate without counting a zero twice")
    void snapshotsAccumulate() {
        TrendSink sink = TrendSink.dense();
        sink.record(0);
        sink.record(7);
        assertThat(sink.snapshot().getTotalCount()).isEqualTo(2);
        sink.record(0);
        sink.record(9);
        Histogram h = sink.snapshot();
        assertThat(h.getTotalCount()).isEqualTo(4);
        assertThat(h.getCountAtValue(0)).isEqualTo(2);
        assertThat(h.getCountAtValue(7)).isEqualTo(1);
        assertThat(h.getCountAtValue(9)).isEqualTo(1);
    }

    @Test
    @DisplayName("a dense trend records values above its range at its top; a sparse one keeps them")
    void denseClampsAboveItsRange() {
        TrendSink dense = TrendSink.dense();
        TrendSink sparse = TrendSink.sparse();
        long twoHours = 2 * TrendSink.DENSE_HIGHEST;
        dense.record(twoHours);
        sparse.record(twoHours);
        assertThat(dense.snapshot().getMaxValue()).isBetween(TrendSink.DENSE_HIGHEST,
                TrendSink.DENSE_HIGHEST + TrendSink.DENSE_HIGHEST / 1000);
        assertThat(sparse.snapshot().getMaxValue()).isBetween(twoHours, twoHours + twoHours / 1000);
    }

    @Test
    @DisplayName("concurrent recorders lose nothing, read while they record")
    void concurrentRecordingLosesNothing() throws InterruptedException {
        TrendSink sink = TrendSink.dense();
        int threads = 4;
        int perThread = 100_000;
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            started.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    sink.record(i % 4 == 0 ? 0 : 1 + i % 5_000);
                }
            }));
        }
        long seen = 0;
        while (started.stream().anyMatch(Thread::isAlive)) {
            long now = sink.snapshot().getTotalCount();
            assertThat(now).isGreaterThanOrEqualTo(seen);
            seen = now;
        }
        for (Thread t : started) {
            t.join();
        }
        Histogram h = sink.snapshot();
        assertThat(h.getTotalCount()).isEqualTo((long) threads * perThread);
        assertThat(h.getCountAtValue(0)).isEqualTo((long) threads * perThread / 4);
    }
}
