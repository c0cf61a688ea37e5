package dev.loadtest.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.HdrHistogram.WriterReaderPhaser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import dev.loadtest.internal.http.RequestSinks;
import dev.loadtest.internal.http.VuTags;
import dev.loadtest.internal.metrics.HttpSinks;
import dev.loadtest.internal.metrics.MetricRegistry;
import dev.loadtest.internal.metrics.TagSet;
import dev.loadtest.internal.metrics.TrendSink;

/**
 * The cost of recording one request's metrics (JMH, average time and, with the GC profiler, bytes allocated per
 * operation). {@link #request} is what {@code VuHttp.send} does after a response: compare the request's tags with
 * the previous request's ({@code RequestSinks}; same tags: the sinks are reused), then 7 trend values (4 of them
 * zero, as on a reused connection), 1 rate and 3 counters. The other benchmarks split that cost up.
 *
 * <p>Run by run.sh through {@link #main}, which writes {@code benchmark score error alloc_bytes_per_op} lines.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class RecordingCost {

    private static final int VALUES = 1024;

    private final long[] micros = new long[VALUES];
    private MetricRegistry registry;
    private TagSet tags;
    private HttpSinks sinks;
    private TrendSink trend;
    private RequestSinks requestSinks;
    private URI uri;
    private String name;
    private int i;

    @Setup
    public void setUp() {
        registry = new MetricRegistry(System.nanoTime());
        uri = URI.create("http://127.0.0.1:18080/2b");
        name = uri.toString();
        tags = TagSet.of("method", "GET", "status", "200", "name", name, "url", name, "proto", "HTTP/1.1",
                "scenario", "bench", "group", "", "expected_response", "true", "error_code", null, "tls_version",
                null, "ocsp_status", null);
        sinks = registry.http(tags);
        trend = sinks.waiting();
        requestSinks = new RequestSinks(registry, new VuTags() {
            @Override
            public String scenario() {
                return "bench";
            }

            @Override
            public String groupPath() {
                return "";
            }
        });
        long seed = 42;
        for (int k = 0; k < VALUES; k++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            micros[k] = 100 + ((seed >>> 33) % 50_000);
        }
        // Record the whole value range once so the histograms have grown to it (steady state).
        for (int k = 0; k < VALUES; k++) {
            record(sinks, micros[k]);
        }
    }

    /** One request: the sinks found as VuHttp finds them (same tags as the last request), then every HTTP metric. */
    @Benchmark
    public HttpSinks request() {
        long v = micros[i++ & (VALUES - 1)];
        HttpSinks s = requestSinks.of("GET", 200, name, uri, "HTTP/1.1", true, null, null, null);
        record(s, v);
        return s;
    }

    /** Every HTTP metric of one request, sinks in hand. */
    @Benchmark
    public void requestSinksInHand() {
        record(sinks, micros[i++ & (VALUES - 1)]);
    }

    /** The registry's lookup by tag set (a request whose tags differ from the previous one's), then recording. */
    @Benchmark
    public HttpSinks requestRegistryLookup() {
        long v = micros[i++ & (VALUES - 1)];
        HttpSinks s = registry.http(tags);
        record(s, v);
        return s;
    }

    /** One value into one (dense) trend. */
    @Benchmark
    public void oneTrendValue() {
        trend.record(micros[i++ & (VALUES - 1)]);
    }

    // --- alternatives, for the recommendation in BENCHMARKS.md (not the library's code) -------------------------

    /** Seven trends as fixed-range AtomicHistograms behind one WriterReaderPhaser (one critical section each). */
    @State(Scope.Benchmark)
    public static class OnePhaser {
        final WriterReaderPhaser phaser = new WriterReaderPhaser();
        final AtomicHistogram[] trends = new AtomicHistogram[7];
        final LongAdder reqs = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder sent = new LongAdder();
        final LongAdder received = new LongAdder();

        @Setup
        public void setUp() {
            for (int k = 0; k < trends.length; k++) {
                trends[k] = new AtomicHistogram(3_600_000_000L, 3); // up to 1 h in microseconds
            }
        }
    }

    /** Seven SingleWriterRecorders: what a design with one writer per recorder (per VU or per carrier) costs. */
    @State(Scope.Thread)
    public static class SingleWriter {
        final SingleWriterRecorder[] trends = new SingleWriterRecorder[7];

        @Setup
        public void setUp() {
            for (int k = 0; k < trends.length; k++) {
                trends[k] = new SingleWriterRecorder(3);
            }
        }
    }

    /** Alternative: every HTTP metric of one request, the seven trends in one phaser critical section. */
    @Benchmark
    public void altRequestOnePhaserAtomicHistograms(OnePhaser o) {
        long v = micros[i++ & (VALUES - 1)];
        long token = o.phaser.writerCriticalSectionEnter();
        try {
            o.trends[0].recordValue(0);
            o.trends[1].recordValue(0);
            o.trends[2].recordValue(0);
            o.trends[3].recordValue(0);
            o.trends[4].recordValue(v);
            o.trends[5].recordValue(v >> 4);
            o.trends[6].recordValue(v + (v >> 4));
        } finally {
            o.phaser.writerCriticalSectionExit(token);
        }
        o.reqs.increment();
        o.failed.increment();
        o.sent.add(80);
        o.received.add(120);
    }

    /** Alternative: the seven trend values into single-writer recorders (counters left out). */
    @Benchmark
    public void altRequestSingleWriterTrends(SingleWriter w) {
        long v = micros[i++ & (VALUES - 1)];
        w.trends[0].recordValue(0);
        w.trends[1].recordValue(0);
        w.trends[2].recordValue(0);
        w.trends[3].recordValue(0);
        w.trends[4].recordValue(v);
        w.trends[5].recordValue(v >> 4);
        w.trends[6].recordValue(v + (v >> 4));
    }

    /** What VuHttp records for a response on a reused connection. */
    private static void record(HttpSinks s, long micros) {
        s.record(0, 0, 0, 0, micros, micros >> 4, micros + (micros >> 4), false, 80, 120);
    }

    /** Runs the benchmarks with the GC profiler; {@code args[0]}: where to write the summary lines. */
    public static void main(String[] args) throws RunnerException, IOException {
        Options options = new OptionsBuilder().include(RecordingCost.class.getName() + "\\.")
                .addProfiler(GCProfiler.class).build();
        Collection<RunResult> results = new Runner(options).run();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args.length > 0 ? args[0]
                : "recording-cost.tsv")))) {
            for (RunResult r : results) {
                String bench = r.getParams().getBenchmark();
                Result<?> primary = r.getPrimaryResult();
                Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
                out.printf(Locale.ROOT, "%s\t%.2f\t%.2f\t%.3f%n", bench.substring(bench.lastIndexOf('.') + 1),
                        primary.getScore(), primary.getScoreError(), alloc == null ? Double.NaN : alloc.getScore());
            }
        }
    }
}
