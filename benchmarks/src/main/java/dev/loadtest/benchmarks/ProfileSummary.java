package dev.loadtest.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of a generator ({@code jdk.ExecutionSample} and {@code jdk.ObjectAllocationSample}),
 * as Markdown: where the CPU samples are by area (inclusive), the hottest methods (self time), the library's methods
 * (inclusive), and what the library allocates.
 *
 * <pre>ProfileSummary recording.jfr title out.md</pre>
 */
public final class ProfileSummary {

    /**
     * Who a CPU sample's time belongs to: the first frame from the top of the stack whose class starts with one of
     * these prefixes decides (so HdrHistogram or collections called by the library count as the library's, and the
     * real TLS engine under the library's timing wrapper counts as TLS).
     */
    private static final Map<String, String> OWNERS = new LinkedHashMap<>();

    static {
        OWNERS.put("dev.loadtest.benchmarks.", "benchmark harness (counting, window)");
        OWNERS.put("dev.loadtest.", "library (dev.loadtest: VuHttp, metrics, engine, TLS wrappers, JUnit invocation)");
        OWNERS.put("java.lang.VirtualThread", "virtual-thread scheduling");
        OWNERS.put("jdk.internal.vm.Continuation", "virtual-thread scheduling");
        OWNERS.put("java.util.concurrent.ForkJoin", "virtual-thread scheduling");
        OWNERS.put("sun.security.", "TLS and crypto (JDK)");
        OWNERS.put("com.sun.crypto.", "TLS and crypto (JDK)");
        OWNERS.put("javax.crypto.", "TLS and crypto (JDK)");
        OWNERS.put("javax.net.ssl.", "TLS and crypto (JDK)");
        OWNERS.put("sun.nio.ch.", "socket I/O (JDK)");
        OWNERS.put("jdk.internal.net.http.", "java.net.http client (JDK)");
        OWNERS.put("java.net.http.", "java.net.http client (JDK)");
        // In the measured window JUnit code runs only in the per-iteration invocation of the test method.
        OWNERS.put("org.junit.", "JUnit: per-iteration invocation (ExecutableInvoker, parameter resolution)");
    }

    private static final String OTHER = "other (JDK runtime: collections, futures, class loading, ...)";

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        String title = args[1];
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> libraryInclusive = new HashMap<>();
        Map<String, Long> areas = new LinkedHashMap<>();
        OWNERS.values().forEach(a -> areas.put(a, 0L));
        areas.put(OTHER, 0L);
        Map<String, Long> allocBySite = new HashMap<>();
        Map<String, Long> allocByClass = new HashMap<>();
        long samples = 0;
        long allocTotal = 0;
        long allocLibrary = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (type.equals("jdk.ExecutionSample")) {
                samples++;
                self.merge(name(frames.get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                String owner = null;
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    if (n.startsWith("dev.loadtest.") && !n.startsWith("dev.loadtest.benchmarks.")
                            && !n.contains("$$Lambda") && !n.contains(".lambda$") && seen.add(n)) {
                        libraryInclusive.merge(n, 1L, Long::sum);
                    }
                    if (owner == null) {
                        owner = OWNERS.entrySet().stream().filter(o -> n.startsWith(o.getKey())).map(Map.Entry::getValue)
                                .findFirst().orElse(null);
                    }
                }
                areas.merge(owner == null ? OTHER : owner, 1L, Long::sum);
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                long weight = e.getLong("weight");
                allocTotal += weight;
                // The library's own allocations: the nearest owning frame (as for CPU samples) is a library method.
                String site = null;
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    String owner = OWNERS.keySet().stream().filter(n::startsWith).findFirst().orElse(null);
                    if (owner != null) {
                        if (owner.equals("dev.loadtest.")) {
                            site = n + ":" + f.getLineNumber();
                        }
                        break;
                    }
                }
                if (site != null) {
                    allocLibrary += weight;
                    allocBySite.merge(site, weight, Long::sum);
                    allocByClass.merge(e.getClass("objectClass").getName(), weight, Long::sum);
                }
            }
        }
        write(Path.of(args[2]), title, samples, areas, self, libraryInclusive, allocTotal, allocLibrary, allocBySite,
                allocByClass);
    }

    private static void write(Path target, String title, long samples, Map<String, Long> areas,
            Map<String, Long> self, Map<String, Long> libraryInclusive, long allocTotal, long allocLibrary,
            Map<String, Long> allocBySite, Map<String, Long> allocByClass) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(target))) {
            out.printf(Locale.ROOT, "#### %s%n%n", title);
            out.printf(Locale.ROOT, "%,d CPU samples (Java threads; GC and JIT threads are not sampled).%n%n",
                    samples);
            out.println("| whose time (nearest owning frame from the top of the stack) | share |");
            out.println("|---|---|");
            for (Map.Entry<String, Long> a : areas.entrySet()) {
                if (a.getValue() == 0) {
                    continue;
                }
                out.printf(Locale.ROOT, "| %s | %.1f %% |%n", a.getKey(), pct(a.getValue(), samples));
            }
            out.println();
            out.println("| hottest methods (self) | share |");
            out.println("|---|---|");
            top(self, 12).forEach((k, v) -> out.printf(Locale.ROOT, "| `%s` | %.1f %% |%n", k, pct(v, samples)));
            out.println();
            if (!libraryInclusive.isEmpty()) {
                out.println("| library methods (inclusive: the time of everything they call) | share |");
                out.println("|---|---|");
                top(libraryInclusive, 12).forEach((k, v) -> out.printf(Locale.ROOT, "| `%s` | %.1f %% |%n", k,
                        pct(v, samples)));
                out.println();
            }
            if (allocTotal > 0) {
                out.printf(Locale.ROOT, "Allocation samples (JFR's weights, approximate): %.1f %% of the sampled bytes"
                        + " are allocated by the library's own code (nearest owning frame a library method; what"
                        + " java.net.http allocates for a request is not counted).%n%n", pct(allocLibrary, allocTotal));
                if (allocLibrary > 0) {
                    out.println("| library allocation site | share of all bytes |");
                    out.println("|---|---|");
                    top(allocBySite, 8).forEach((k, v) -> out.printf(Locale.ROOT, "| `%s` | %.1f %% |%n", k,
                            pct(v, allocTotal)));
                    out.println();
                    out.println("| class allocated by the library | share of all bytes |");
                    out.println("|---|---|");
                    top(allocByClass, 8).forEach((k, v) -> out.printf(Locale.ROOT, "| `%s` | %.1f %% |%n", k,
                            pct(v, allocTotal)));
                    out.println();
                }
            }
        }
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static double pct(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static Map<String, Long> top(Map<String, Long> counts, int n) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
