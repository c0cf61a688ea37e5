package dev.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The catalogue of invalid configurations: each fails its test before any load, saying what is accepted. */
@DisplayName("Bad input fails the test before any load starts, with a message that says what is accepted")
class BadInputTests {

    static final AtomicInteger ITERATIONS = new AtomicInteger();

    @BeforeEach
    void reset() {
        ITERATIONS.set(0);
    }

    static Stream<Arguments> catalogue() {
        return Stream.of(
                bad(ZeroVus.class, "@LoadTest on method [ZeroVus.run()]: vus = '0' is not accepted: vus > 0"),
                bad(NegativeVus.class, "vus = '-3' is not accepted: vus > 0"),
                bad(DurationWithoutUnit.class, "duration = '30' is not accepted: a k6 duration such as 500ms, 30s"),
                bad(DurationWord.class, "duration = 'abc' is not accepted: a k6 duration"),
                bad(NegativeDuration.class, "duration = '-1s' is not accepted"),
                bad(FewerIterationsThanVus.class,
                        "iterations = '5' is not accepted: for SHARED_ITERATIONS, iterations >= vus (10)"),
                bad(EmptyStages.class, "stages = '{}' is not accepted: RAMPING_VUS needs at least one @Stage"),
                bad(NegativeStageTarget.class, "stages[1].target = '-2' is not accepted: target >= 0"),
                bad(BadStageDuration.class, "stages[0].duration = '10' is not accepted"),
                bad(ZeroLengthStages.class, "needs stages whose durations add up to more than 0s"),
                bad(DurationAndIterations.class, "duration and iterations cannot both be set"),
                bad(StagesAndDuration.class, "stages and duration cannot both be set"),
                bad(IterationsOnConstantVus.class, "iterations conflicts with executor = CONSTANT_VUS"),
                bad(ConstantVusWithoutDuration.class, "duration = '' is not accepted: CONSTANT_VUS needs a duration"),
                bad(UnknownMetric.class, "@Threshold on method [UnknownMetric.run()]: metric = 'http_req_durationz'"
                        + " is not accepted: unknown metric 'http_req_durationz'; known metrics: http_reqs,"),
                bad(DoubleOperator.class, "condition = 'p(95)<<2' is not accepted: a condition is"
                        + " 'aggregation operator number'"),
                bad(PercentileAbove100.class, "condition = 'p(101)<1' is not accepted: p(N) takes N from 0 to 100"),
                bad(WrongAggregation.class, "condition = 'p(95)<0.1' is not accepted: metric 'http_req_failed' is a"
                        + " rate and accepts [rate]"),
                bad(BadTagFilter.class, "metric = 'http_req_duration{status}' is not accepted: tag filter entries"
                        + " are key:value"),
                bad(BadDelayAbortEval.class, "@Threshold on method [BadDelayAbortEval.run()]: delayAbortEval = 'soon'"),
                bad(BadExpectedStatuses.class, "expectedStatuses = '200-9999' is not accepted"),
                bad(ZeroTimeout.class, "requestTimeout = '0s' is not accepted: a duration > 0"));
    }

    static Stream<Arguments> overrides() {
        return Stream.of(
                Arguments.of("loadtest.vus", "many", "override loadtest.vus = 'many' is not accepted: a whole number > 0"),
                Arguments.of("loadtest.vus", "0", "override loadtest.vus = '0' is not accepted"),
                Arguments.of("loadtest.iterations", "-1", "override loadtest.iterations = '-1' is not accepted"),
                Arguments.of("loadtest.duration", "10", "override loadtest.duration = '10' is not accepted: a k6 duration"),
                Arguments.of("loadtest.scale", "0", "override loadtest.scale = '0' is not accepted: a factor > 0"),
                Arguments.of("loadtest.scale", "half", "override loadtest.scale = 'half' is not accepted"));
    }

    private static Arguments bad(Class<?> fixture, String message) {
        return Arguments.of(fixture, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    @DisplayName("invalid annotations")
    void invalidAnnotation(Class<?> fixture, String expected) {
        var results = TestKit.run(fixture);
        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(TestKit.failureMessage(results)).startsWith("Configuration error: ").contains(expected);
        assertThat(ITERATIONS).as("no iteration may run").hasValue(0);
    }

    @ParameterizedTest(name = "-D{0}={1}")
    @MethodSource("overrides")
    @DisplayName("invalid overrides")
    void invalidOverride(String key, String value, String expected) {
        var results = TestKit.run(Valid.class, key, value);
        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(TestKit.failureMessage(results)).startsWith("Configuration error: ").contains(expected);
        assertThat(ITERATIONS).hasValue(0);
    }

    static class Valid {
        @LoadTest(vus = 2, iterations = 4)
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class ZeroVus {
        @LoadTest(vus = 0, iterations = 1)
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class NegativeVus {
        @LoadTest(vus = -3, duration = "1s")
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class DurationWithoutUnit {
        @LoadTest(vus = 1, duration = "30")
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class DurationWord {
        @LoadTest(vus = 1, duration = "abc")
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class NegativeDuration {
        @LoadTest(vus = 1, duration = "-1s")
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class FewerIterationsThanVus {
        @LoadTest(vus = 10, iterations = 5)
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class EmptyStages {
        @LoadTest(executor = Executor.RAMPING_VUS)
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class NegativeStageTarget {
        @LoadTest(stages = {@Stage(duration = "1s", target = 2), @Stage(duration = "1s", target = -2)})
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class BadStageDuration {
        @LoadTest(stages = @Stage(duration = "10", target = 2))
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class ZeroLengthStages {
        @LoadTest(stages = {@Stage(duration = "0s", target = 2), @Stage(duration = "0ms", target = 0)})
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class DurationAndIterations {
        @LoadTest(vus = 1, duration = "1s", iterations = 10)
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class StagesAndDuration {
        @LoadTest(duration = "1s", stages = @Stage(duration = "1s", target = 1))
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class IterationsOnConstantVus {
        @LoadTest(executor = Executor.CONSTANT_VUS, vus = 1, duration = "1s", iterations = 3)
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class ConstantVusWithoutDuration {
        @LoadTest(executor = Executor.CONSTANT_VUS, vus = 1)
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class UnknownMetric {
        @LoadTest
        @Threshold(metric = "http_req_durationz", condition = "p(95)<200")
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class DoubleOperator {
        @LoadTest
        @Threshold(metric = "http_req_duration", condition = "p(95)<<2")
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class PercentileAbove100 {
        @LoadTest
        @Threshold(metric = "http_req_duration", condition = "p(101)<1")
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class WrongAggregation {
        @LoadTest
        @Threshold(metric = "http_req_failed", condition = "p(95)<0.1")
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class BadTagFilter {
        @LoadTest
        @Threshold(metric = "http_req_duration{status}", condition = "p(95)<200")
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class BadDelayAbortEval {
        @LoadTest
        @Threshold(metric = "http_req_failed", condition = "rate<0.1", abortOnFail = true, delayAbortEval = "soon")
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class BadExpectedStatuses {
        @LoadTest(expectedStatuses = "200-9999")
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class ZeroTimeout {
        @LoadTest(requestTimeout = "0s")
        void run() {
            ITERATIONS.incrementAndGet();
        }
    }
}
