package dev.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Collection;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongUnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.fixtures.WithLoopbackServer;

@DisplayName("Arrival-rate executors start iterations on schedule, whatever the response times")
class ArrivalRateTests {

    static final AtomicReference<LoadResult> RESULT = new AtomicReference<>();
    static final AtomicLong SERVER_COUNT = new AtomicLong();
    static final AtomicLong PROCESS_CPU_NANOS = new AtomicLong();
    static final AtomicLong SCHEDULER_CPU_NANOS = new AtomicLong();
    static final AtomicLong RUN_CPU_NANOS = new AtomicLong();
    /** System.nanoTime() at the start of each iteration, as the test method saw it. */
    static final Queue<Long> STARTS = new ConcurrentLinkedQueue<>();
    static final Set<Integer> VU_IDS = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void reset() {
        RESULT.set(null);
        SERVER_COUNT.set(-1);
        PROCESS_CPU_NANOS.set(-1);
        SCHEDULER_CPU_NANOS.set(-1);
        RUN_CPU_NANOS.set(-1);
        STARTS.clear();
        VU_IDS.clear();
    }

    /** Runs a fixture whose single load test must pass, failing with its own failure if it does not. */
    static void runPassing(Class<?> fixture) {
        var results = TestKit.run(fixture);
        results.testEvents().failed().stream().findFirst().ifPresent(failed -> {
            throw new AssertionError(fixture.getSimpleName() + " failed", failed
                    .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable()
                    .orElse(null));
        });
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @WithLoopbackServer
    abstract static class Base {
        @BeforeEach
        void before(LoopbackServer server) {
            server.resetCounts();
        }

        @AfterEach
        void after(LoadResult result, LoopbackServer server) {
            RESULT.set(result);
            SERVER_COUNT.set(server.requestCount());
        }
    }

    /**
     * Loads and compiles the engine once, so that a test that happens to run first in the JVM measures the
     * scheduler rather than class loading.
     */
    @BeforeAll
    static void warmUp() {
        TestKit.run(IdleSchedulerFixture.class, "loadtest.duration", "1s");
    }

    /**
     * No HTTP here: the loopback server and java.net.http cost about 4 ms of CPU per request on a 2-core
     * machine, so 2000 of them would measure the machine. Independence from response times is what
     * {@link #dropsWhatItCannotStart()} and {@link CoordinatedOmissionTests} show.
     */
    static class ConstantRateFixture {
        @LoadTest(rate = 200, duration = "10s", preAllocatedVus = 20, maxVus = 200)
        void constant(Vu vu) {
            STARTS.add(System.nanoTime());
            VU_IDS.add(vu.id());
        }

        @AfterEach
        void after(LoadResult result) {
            RESULT.set(result);
        }
    }

    @Test
    @DisplayName("200 iterations/s for 10 s start 2000 ± 1 %, the last one 9.995 s after the first (no drift)")
    void constantRate() {
        runPassing(ConstantRateFixture.class);
        LoadResult r = RESULT.get();
        assertThat(r.executor()).isEqualTo(Executor.CONSTANT_ARRIVAL_RATE);
        long started = r.count("iterations");
        assertThat(started).isBetween(1980L, 2020L);
        assertThat(started + r.count("dropped_iterations")).isEqualTo(2000);
        assertThat(STARTS).hasSize((int) started);
        assertThat(r.trend("iteration_schedule_lag").count()).isEqualTo(started);
        assertThat(r.trend("iteration_schedule_lag").med()).as("median lag, ms").isLessThan(50);

        // Iteration n is due at n * 5 ms. A scheduler that waits a period from the previous start drifts late, so
        // even the least late of its starts in the last 2 s would be late by the drift.
        long[] lateness = lateness(STARTS, n -> n * 5_000_000L);
        long leastLateAtTheEnd = Arrays.stream(lateness, lateness.length - 400, lateness.length).min().orElseThrow();
        System.out.printf("constant-arrival-rate: %d started, least late of the last 400 starts %.3f ms%n", started,
                leastLateAtTheEnd / 1e6);
        assertThat(TimeUnit.NANOSECONDS.toMillis(leastLateAtTheEnd)).as("drift after 10 s, ms").isLessThan(100);

        assertThat(r.gauge("vus").value()).as("VUs busy at the end").isZero();
        assertThat(r.gauge("vus").max()).isBetween(1L, 200L);
        long created = r.gauge("vus_max").max();
        assertThat(created).isBetween(20L, 200L);
        assertThat(VU_IDS).allMatch(id -> id >= 1 && id <= created);
        assertThat(r.summary()).contains("achieved rate: ").contains(" of 200 requested (" + started + " started,");
    }

    static class TooFewVusFixture extends Base {
        @LoadTest(rate = 50, duration = "4s", preAllocatedVus = 2, maxVus = 5)
        void slow(Http http, Vu vu, LoopbackServer server) {
            VU_IDS.add(vu.id());
            http.get(server.uri("/delay/500"));
        }
    }

    @Test
    @DisplayName("with maxVus too small for a slow endpoint, every iteration not started counts as dropped")
    void dropsWhatItCannotStart() {
        runPassing(TooFewVusFixture.class);
        LoadResult r = RESULT.get();
        long started = r.count("iterations");
        long dropped = r.count("dropped_iterations");
        // 5 VUs busy 500 ms each can start about 10 of the 50 iterations due per second.
        assertThat(started).isBetween(25L, 80L);
        assertThat(started + dropped).as("started + dropped = 50/s x 4 s").isEqualTo(200);
        assertThat(SERVER_COUNT.get()).as("requests the server received").isEqualTo(started);
        assertThat(r.trend("iteration_schedule_lag").count()).isEqualTo(started);
        assertThat(VU_IDS).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(r.gauge("vus_max").max()).isEqualTo(5);
        assertThat(r.gauge("vus").max()).isEqualTo(5);
        assertThat(r.summary()).contains("(" + started + " started, " + dropped + " dropped)")
                .contains("dropped_iterations");
    }

    static class RampingFixture {
        @LoadTest(executor = Executor.RAMPING_ARRIVAL_RATE, startRate = 100, preAllocatedVus = 10, maxVus = 50,
                stages = {
                    @Stage(duration = "2s", target = 300),
                    @Stage(duration = "2s", target = 300),
                    @Stage(duration = "2s", target = 100)})
        void ramp() {
            STARTS.add(System.nanoTime());
        }

        @AfterEach
        void after(LoadResult result) {
            RESULT.set(result);
        }
    }

    @Test
    @DisplayName("ramping-arrival-rate starts, second by second, what the integral of its rate line says (± 5 %)")
    void rampingRate() {
        runPassing(RampingFixture.class);
        LoadResult r = RESULT.get();
        assertThat(r.executor()).isEqualTo(Executor.RAMPING_ARRIVAL_RATE);
        // 100 -> 300 over 2 s, 300 for 2 s, 300 -> 100 over 2 s: per second 150, 250, 300, 300, 250, 150.
        long[] expected = {150, 250, 300, 300, 250, 150};
        assertThat(r.count("iterations") + r.count("dropped_iterations")).isEqualTo(1400);
        assertThat(r.count("dropped_iterations")).isZero();

        // Starts relative to the schedule's origin, placed from the least late start (see lateness).
        long[] lateness = lateness(STARTS, ArrivalRateTests::rampDueNanos);
        long[] perSecond = new long[expected.length];
        for (int n = 0; n < lateness.length; n++) {
            int second = (int) ((rampDueNanos(n) + lateness[n]) / 1_000_000_000L);
            if (second < perSecond.length) {
                perSecond[second]++;
            }
        }
        System.out.println("ramping-arrival-rate starts per second: " + Arrays.toString(perSecond) + ", expected "
                + Arrays.toString(expected));
        for (int s = 0; s < expected.length; s++) {
            assertThat(perSecond[s]).as("starts in second %d of %s", s, Arrays.toString(perSecond))
                    .isCloseTo(expected[s], within(expected[s] / 20));
        }
        assertThat(r.summary()).contains("achieved rate: ").contains("of 233.33 on average requested");
    }

    /**
     * When iteration {@code n} (from 0) of the ramp 100 -> 300 /s over 2 s, 300 /s for 2 s, 300 -> 100 /s over 2 s
     * is due, worked out here independently of the engine: as in k6, when the integral of the rate reaches n + 1.
     */
    static long rampDueNanos(long n) {
        double i = n + 1;
        double seconds;
        if (i <= 400) { // 100 t + 50 t^2 = i
            seconds = (-100 + Math.sqrt(100.0 * 100 + 200 * i)) / 100;
        } else if (i <= 1000) { // 400 + 300 (t - 2) = i
            seconds = 2 + (i - 400) / 300;
        } else { // 1000 + 300 u - 50 u^2 = i, u = t - 4
            seconds = 4 + (300 - Math.sqrt(300.0 * 300 - 200 * (i - 1000))) / 100;
        }
        return Math.round(seconds * 1e9);
    }

    /**
     * How late each start was, in the order of the schedule: the n-th earliest start against the n-th due time.
     * The schedule's origin is not known to the test method, so it is placed where it makes the least late start
     * exactly on time; an iteration never starts early, and on a busy machine some start is nearly on time.
     */
    static long[] lateness(Collection<Long> starts, LongUnaryOperator dueNanos) {
        long[] sorted = starts.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] late = new long[sorted.length];
        long origin = Long.MAX_VALUE;
        for (int n = 0; n < sorted.length; n++) {
            late[n] = sorted[n] - dueNanos.applyAsLong(n);
            origin = Math.min(origin, late[n]);
        }
        for (int n = 0; n < late.length; n++) {
            late[n] -= origin;
        }
        return late;
    }

    /**
     * CPU time, in nanoseconds, of the threads a run with no HTTP works on: the scheduling thread (the one running
     * the test method) and the carrier threads of all virtual threads, where the VUs run. The process total would
     * also count whatever earlier test classes left running in the same JVM.
     */
    static long runThreadsCpuNanos(long schedulerThreadId) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = threads.getThreadCpuTime(schedulerThreadId);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getClass().getName().equals("jdk.internal.misc.CarrierThread")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.threadId()));
            }
        }
        return sum;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static class IdleSchedulerFixture {
        private static volatile long schedulerThreadId;
        private static volatile long runCpuAtFirstStart;
        private static volatile long processCpuAtFirstStart;
        private long schedulerCpu;

        @BeforeEach
        void before() {
            // The engine schedules on the thread that runs the test method, the one that runs this method too.
            schedulerThreadId = Thread.currentThread().threadId();
            schedulerCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }

        @LoadTest(rate = 10, duration = "10s", preAllocatedVus = 2)
        void tick(Vu vu) {
            STARTS.add(System.nanoTime());
            if (vu.iteration() == 0) {
                runCpuAtFirstStart = runThreadsCpuNanos(schedulerThreadId);
                processCpuAtFirstStart = processCpuNanos();
            } else if (vu.iteration() == 99) {
                RUN_CPU_NANOS.set(runThreadsCpuNanos(schedulerThreadId) - runCpuAtFirstStart);
                PROCESS_CPU_NANOS.set(processCpuNanos() - processCpuAtFirstStart);
            }
        }

        @AfterEach
        void after(LoadResult result) {
            SCHEDULER_CPU_NANOS.set(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - schedulerCpu);
            RESULT.set(result);
        }
    }

    @Test
    @DisplayName("between starts the scheduler sleeps: 10 iterations/s for 10 s cost under 0.5 CPU-s")
    void waitsWithoutBurningACore() {
        runPassing(IdleSchedulerFixture.class);
        LoadResult r = RESULT.get();
        assertThat(r.count("iterations")).isEqualTo(100);
        assertThat(r.elapsed().toMillis()).isGreaterThanOrEqualTo(9_900L);
        System.out.printf("CPU for 10/s x 10 s, first to last start: scheduler and VU carrier threads %.3f s"
                + " (whole process %.3f s); scheduler thread for the whole test %.3f s%n", RUN_CPU_NANOS.get() / 1e9,
                PROCESS_CPU_NANOS.get() / 1e9, SCHEDULER_CPU_NANOS.get() / 1e9);
        // 9.9 s of waiting between starts; a scheduler or VU that polled would cost about as much.
        assertThat(RUN_CPU_NANOS.get()).as("CPU ns of the run's threads, first to last start")
                .isBetween(0L, 500_000_000L);
        // The scheduling thread for the whole test, setup, summary and report included.
        assertThat(SCHEDULER_CPU_NANOS.get()).as("scheduler thread CPU ns").isBetween(0L, 200_000_000L);
    }

    static class GracefulStopFixture extends Base {
        @LoadTest(rate = 5, duration = "1s", preAllocatedVus = 5, gracefulStop = "500ms")
        void slow(Http http, LoopbackServer server) {
            http.get(server.uri("/delay/5000"));
        }
    }

    @Test
    @DisplayName("iterations still running when the schedule ends get gracefulStop, then are interrupted")
    void gracefulStop() {
        runPassing(GracefulStopFixture.class);
        LoadResult r = RESULT.get();
        assertThat(SERVER_COUNT.get()).as("iterations started").isEqualTo(5);
        assertThat(r.count("iterations")).as("iterations completed").isZero();
        assertThat(r.trend("iteration_schedule_lag").count()).isEqualTo(5);
        assertThat(r.summary()).contains("interrupted iterations: 5");
        // 1 s of schedule and 0.5 s of grace, not the 5 s the responses would take.
        assertThat(r.elapsed().toMillis()).isBetween(1_400L, 4_000L);
    }

    @WithLoopbackServer
    static class AbortFixture {
        @LoadTest(rate = 20, duration = "60s", preAllocatedVus = 5)
        @Threshold(metric = "http_req_failed", condition = "rate<0.1", abortOnFail = true, delayAbortEval = "1s")
        void failing(Http http, LoopbackServer server) {
            http.get(server.uri("/status/500"));
        }

        @AfterEach
        void after(LoadResult result) {
            RESULT.set(result);
        }
    }

    @Test
    @DisplayName("abortOnFail ends a 60 s arrival-rate run within a few seconds, neither starting nor dropping more")
    void abortOnFail() {
        var results = TestKit.run(AbortFixture.class);
        results.testEvents().assertStatistics(s -> s.failed(1));
        LoadResult r = RESULT.get();
        assertThat(r.abortReason()).isPresent();
        assertThat(r.elapsed().toSeconds()).isLessThan(8);
        assertThat(r.count("iterations") + r.count("dropped_iterations")).isBetween(20L, 8 * 20L);
        assertThat(TestKit.failureMessage(results)).contains("was aborted early");
    }

    @Nested
    @DisplayName("bad input fails before any load, naming the attribute, its value and what is accepted")
    class BadInput {

        static Stream<Arguments> catalogue() {
            return Stream.of(
                    Arguments.of(ZeroRate.class, "@LoadTest on method [ZeroRate.run()]: rate = '0' is not accepted:"
                            + " CONSTANT_ARRIVAL_RATE needs rate > 0"),
                    Arguments.of(NegativeRate.class, "rate = '-5' is not accepted: CONSTANT_ARRIVAL_RATE needs rate > 0"),
                    Arguments.of(NoPreAllocatedVus.class, "preAllocatedVus = '0' is not accepted: preAllocatedVus > 0"),
                    Arguments.of(MaxBelowPreAllocated.class,
                            "maxVus = '5' is not accepted: maxVus >= preAllocatedVus (10)"),
                    Arguments.of(NoDuration.class, "duration = '' is not accepted: CONSTANT_ARRIVAL_RATE needs a"
                            + " duration > 0"),
                    Arguments.of(StartRateOnConstant.class, "startRate = '10' is not accepted: only the default 0"
                            + " with executor = CONSTANT_ARRIVAL_RATE"),
                    Arguments.of(VusOnArrivalRate.class, "vus = '10' is not accepted: only the default 1 with"
                            + " executor = CONSTANT_ARRIVAL_RATE, which does not use vus"),
                    Arguments.of(RampingWithoutStages.class,
                            "stages = '{}' is not accepted: RAMPING_ARRIVAL_RATE needs at least one @Stage"),
                    Arguments.of(NegativeStartRate.class, "startRate = '-1' is not accepted: startRate >= 0"),
                    Arguments.of(RatesOnRampingVus.class, "startRate = '10' is not accepted: only the default 0 with"
                            + " executor = RAMPING_VUS, which does not use startRate: it belongs to the arrival-rate"
                            + " executors (for stages of rates, set executor = RAMPING_ARRIVAL_RATE)"),
                    Arguments.of(ZeroTimeUnit.class, "timeUnit = '0s' is not accepted"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("catalogue")
        void rejected(Class<?> fixture, String expected) {
            var results = TestKit.run(fixture);
            results.testEvents().assertStatistics(s -> s.failed(1));
            assertThat(TestKit.failureMessage(results)).startsWith("Configuration error: ").contains(expected);
            assertThat(STARTS).as("no iteration may run").isEmpty();
        }
    }

    static class ZeroRate {
        @LoadTest(executor = Executor.CONSTANT_ARRIVAL_RATE, duration = "1s", preAllocatedVus = 1)
        void run() {
            STARTS.add(System.nanoTime());
        }
    }

    static class NegativeRate {
        @LoadTest(rate = -5, duration = "1s", preAllocatedVus = 1)
        void run() {
            STARTS.add(System.nanoTime());
        }
    }

    static class NoPreAllocatedVus {
        @LoadTest(rate = 5, duration = "1s")
        void run() {
            STARTS.add(System.nanoTime());
        }
    }

    static class MaxBelowPreAllocated {
        @LoadTest(rate = 5, duration = "1s", preAllocatedVus = 10, maxVus = 5)
        void run() {
            STARTS.add(System.nanoTime());
        }
    }

    static class NoDuration {
        @LoadTest(rate = 5, preAllocatedVus = 1)
        void run() {
            STARTS.add(System.nanoTime());
        }
    }

    static class StartRateOnConstant {
        @LoadTest(rate = 5, startRate = 10, duration = "1s", preAllocatedVus = 1)
        void run() {
            STARTS.add(System.nanoTime());
        }
    }

    static class VusOnArrivalRate {
        @LoadTest(rate = 5, vus = 10, duration = "1s", preAllocatedVus = 1)
        void run() {
            STARTS.add(System.nanoTime());
        }
    }

    static class RampingWithoutStages {
        @LoadTest(executor = Executor.RAMPING_ARRIVAL_RATE, startRate = 5, preAllocatedVus = 1)
        void run() {
            STARTS.add(System.nanoTime());
        }
    }

    static class NegativeStartRate {
        @LoadTest(executor = Executor.RAMPING_ARRIVAL_RATE, startRate = -1, preAllocatedVus = 1,
                stages = @Stage(duration = "1s", target = 5))
        void run() {
            STARTS.add(System.nanoTime());
        }
    }

    static class RatesOnRampingVus {
        @LoadTest(startRate = 10, stages = @Stage(duration = "1s", target = 5))
        void run() {
            STARTS.add(System.nanoTime());
        }
    }

    static class ZeroTimeUnit {
        @LoadTest(rate = 5, duration = "1s", preAllocatedVus = 1, timeUnit = "0s")
        void run() {
            STARTS.add(System.nanoTime());
        }
    }
}
