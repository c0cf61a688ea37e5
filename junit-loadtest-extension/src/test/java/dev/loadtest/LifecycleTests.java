package dev.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

@DisplayName("A load test keeps JUnit's lifecycle and parameter resolution")
class LifecycleTests {

    static final List<String> CALLS = new CopyOnWriteArrayList<>();
    static final AtomicInteger ITERATIONS = new AtomicInteger();
    static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    static final AtomicReference<LoadResult> RESULT = new AtomicReference<>();

    @BeforeEach
    void reset() {
        CALLS.clear();
        ITERATIONS.set(0);
        SEEN.clear();
        RESULT.set(null);
    }

    static class LifecycleFixture {
        @BeforeAll
        static void beforeAll() {
            CALLS.add("beforeAll");
        }

        @BeforeEach
        void beforeEach() {
            CALLS.add("beforeEach");
        }

        @LoadTest(vus = 5, iterations = 50)
        void iteration(Vu vu, TestInfo info) {
            ITERATIONS.incrementAndGet();
            SEEN.add(info.getTestMethod().orElseThrow().getName() + ":" + vu.scenario());
        }

        @AfterEach
        void afterEach(LoadResult result) {
            CALLS.add("afterEach");
            RESULT.set(result);
        }

        @AfterAll
        static void afterAll() {
            CALLS.add("afterAll");
        }
    }

    @Test
    @DisplayName("lifecycle methods run once around the whole run; other resolvers still inject per iteration")
    void lifecycleOnce() {
        TestKit.run(LifecycleFixture.class).testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(CALLS).containsExactly("beforeAll", "beforeEach", "afterEach", "afterAll");
        assertThat(ITERATIONS).hasValue(50);
        assertThat(SEEN).containsExactly("iteration:iteration");
        assertThat(RESULT.get().count("iterations")).isEqualTo(50);
    }

    static class VuInjectionFixture {
        @LoadTest(vus = 4, iterations = 3, executor = Executor.PER_VU_ITERATIONS, scenario = "browse")
        void iteration(Vu vu) {
            SEEN.add(vu.id() + "/" + vu.iterationInVu() + "/" + vu.scenario());
            SEEN.add("overall " + vu.iteration());
        }
    }

    @Test
    @DisplayName("Vu carries the VU number, its iteration numbers and the scenario")
    void vuInjection() {
        TestKit.run(VuInjectionFixture.class).testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(SEEN).contains("1/0/browse", "1/2/browse", "4/0/browse", "4/2/browse")
                .doesNotContain("5/0/browse", "1/3/browse")
                .contains("overall 0", "overall 11").doesNotContain("overall 12");
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @LoadTest(vus = 2, iterations = 10)
    @Threshold(metric = "iterations", condition = "count==10")
    @interface SmokeLoad {
    }

    static class MetaAnnotationFixture {
        @SmokeLoad
        void composed() {
            ITERATIONS.incrementAndGet();
        }
    }

    @Test
    @DisplayName("@LoadTest and @Threshold compose into a user's own meta-annotation")
    void metaAnnotation() {
        var results = TestKit.run(MetaAnnotationFixture.class);
        results.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(ITERATIONS).hasValue(10);
        assertThat(TestKit.figures(results)).containsEntry("threshold iterations count==10", "pass count=10");
    }

    @Threshold(metric = "iterations", condition = "count<5")
    static class NestedFixture {
        @Nested
        class Inner {
            @LoadTest(vus = 1, iterations = 6)
            void nested() {
                ITERATIONS.incrementAndGet();
            }
        }
    }

    @Test
    @DisplayName("works in @Nested classes and applies thresholds declared on enclosing classes")
    void nested() {
        var results = TestKit.run(NestedFixture.class);
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(ITERATIONS).hasValue(6);
        assertThat(TestKit.failureMessage(results)).contains("iterations count<5 failed: count=6");
    }

    abstract static class InheritedBase {
        @LoadTest(vus = 3, iterations = 9)
        void inherited() {
            ITERATIONS.incrementAndGet();
        }
    }

    static class InheritedFixture extends InheritedBase {
    }

    @Test
    @DisplayName("works on inherited methods")
    void inherited() {
        TestKit.run(InheritedFixture.class).testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(ITERATIONS).hasValue(9);
    }

    static class ThrowingFixture {
        @LoadTest(vus = 2, iterations = 20)
        void throwing(Vu vu) {
            ITERATIONS.incrementAndGet();
            if (vu.iteration() % 4 == 0) {
                throw new IllegalStateException("cart was empty");
            }
        }
    }

    @Test
    @DisplayName("an iteration that throws ends only that iteration; with no threshold the test fails listing errors")
    void throwingIterations() {
        var results = TestKit.run(ThrowingFixture.class);
        assertThat(ITERATIONS).hasValue(20);
        assertThat(TestKit.failureMessage(results))
                .contains("5 of 20 iterations threw")
                .contains("5 × IllegalStateException: cart was empty");
    }

    static class ChecksAndGroupsFixture {
        @LoadTest(vus = 2, iterations = 10)
        @Threshold(metric = "checks", condition = "rate>0.4")
        @Threshold(metric = "group_duration{group:::checkout}", condition = "max<5000")
        void checks(Vu vu) {
            vu.check("always", true);
            vu.group("checkout", () -> vu.check("even", vu.iteration() % 2 == 0));
        }

        @AfterEach
        void after(LoadResult result) {
            RESULT.set(result);
        }
    }

    @Test
    @DisplayName("checks feed the checks rate with per-check counts; groups tag checks and record group_duration")
    void checksAndGroups() {
        var results = TestKit.run(ChecksAndGroupsFixture.class);
        results.testEvents().assertStatistics(s -> s.succeeded(1));
        LoadResult r = RESULT.get();
        assertThat(r.checks()).containsEntry("always", new LoadResult.CheckStats(10, 0))
                .containsEntry("even", new LoadResult.CheckStats(5, 5));
        assertThat(r.rate("checks")).isEqualTo(0.75);
        assertThat(r.rate("checks{group:::checkout}")).isEqualTo(0.5);
        assertThat(r.trend("group_duration{group:::checkout}").count()).isEqualTo(10);
    }
}
