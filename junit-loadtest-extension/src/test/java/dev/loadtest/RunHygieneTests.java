package dev.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.fixtures.WithLoopbackServer;

@DisplayName("A run cleans up after itself and honours CI overrides")
class RunHygieneTests {

    static final AtomicReference<LoadResult> RESULT = new AtomicReference<>();

    @BeforeEach
    void reset() {
        RESULT.set(null);
    }

    @WithLoopbackServer
    static class PerVuClientsFixture {
        @LoadTest(vus = 30, iterations = 300, connections = Connections.PER_VU)
        void run(Http http, LoopbackServer server) {
            http.get(server.uri("/ok"));
        }
    }

    @WithLoopbackServer
    static class VirtualThreadClientsFixture {
        @LoadTest(vus = 30, iterations = 300, clientExecutor = ClientExecutor.VIRTUAL_THREADS)
        void run(Http http, LoopbackServer server) {
            http.get(server.uri("/ok"));
        }
    }

    @Test
    @DisplayName("no VU thread, client selector thread or client worker outlives the run")
    void noLeakedThreads() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        TestKit.run(PerVuClientsFixture.class).testEvents().assertStatistics(s -> s.succeeded(1));
        TestKit.run(VirtualThreadClientsFixture.class).testEvents().assertStatistics(s -> s.succeeded(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                        .map(Thread::getName)
                        .filter(n -> n.startsWith("HttpClient") || n.startsWith("loadtest"))
                        .collect(Collectors.toSet())).isEmpty());
    }

    static class OverrideFixture {
        @LoadTest(vus = 2, iterations = 4)
        void iterations(Vu vu) {
            vu.check("ran", true);
        }

        @AfterEach
        void after(LoadResult result) {
            RESULT.set(result);
        }
    }

    @Test
    @DisplayName("loadtest.vus and loadtest.iterations override the annotation and the summary says so")
    void overrides() {
        TestKit.run(OverrideFixture.class, "loadtest.vus", "3", "loadtest.iterations", "9")
                .testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(RESULT.get().count("iterations")).isEqualTo(9);
        assertThat(RESULT.get().gauge("vus_max").max()).isEqualTo(3);
        assertThat(RESULT.get().summary()).contains("override: loadtest.vus=3 (was 2)")
                .contains("override: loadtest.iterations=9 (was 4)");
    }

    @Test
    @DisplayName("loadtest.scale scales VUs and iterations")
    void scale() {
        TestKit.run(OverrideFixture.class, "loadtest.scale", "2.5").testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(RESULT.get().count("iterations")).isEqualTo(10);
        assertThat(RESULT.get().gauge("vus_max").max()).isEqualTo(5);
        assertThat(RESULT.get().notes()).anyMatch(n -> n.startsWith("loadtest.scale=2.5"));
    }

    static class DurationOverrideFixture {
        @LoadTest(vus = 2, duration = "1m")
        void iterations() {
            Thread.onSpinWait();
        }

        @AfterEach
        void after(LoadResult result) {
            RESULT.set(result);
        }
    }

    @Test
    @DisplayName("loadtest.duration shortens a constant-VUs run")
    void durationOverride() {
        TestKit.run(DurationOverrideFixture.class, "loadtest.duration", "300ms")
                .testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(RESULT.get().elapsed()).isLessThan(Duration.ofSeconds(5));
        assertThat(RESULT.get().summary()).contains("override: loadtest.duration=300ms (was 1m)");
    }

    @Test
    @DisplayName("the summary names the executor and shows the k6 metrics")
    void summary() {
        TestKit.run(OverrideFixture.class).testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(RESULT.get().summary()).contains("* iterations: 4 iterations shared among 2 VUs")
                .contains("✓ ran").contains("checks").contains("iterations....").contains("vus_max");
    }
}
