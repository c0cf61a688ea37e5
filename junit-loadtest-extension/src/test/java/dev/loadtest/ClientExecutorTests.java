package dev.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.tls.TlsTrust;

@DisplayName("clientExecutor AUTO: a client whose responses mostly open new TLS connections moves to a thread pool")
class ClientExecutorTests {

    static final AtomicReference<LoadResult> RESULT = new AtomicReference<>();
    /** A plain HTTP URI that {@link MixedFixture} requests next to the HTTPS one. */
    static final AtomicReference<URI> PLAIN = new AtomicReference<>();

    @BeforeEach
    void reset() {
        RESULT.set(null);
    }

    @TlsTrust(certificates = TlsFixtures.ROOT_PEM)
    abstract static class Base {
        @AfterEach
        void after(LoadResult result) {
            RESULT.set(result);
        }

        static void get(Http http) {
            LoadResponse response = http.get(TlsFixtures.TARGET.get());
            if (response.status() != 200) {
                throw new AssertionError("status " + response.status());
            }
        }
    }

    static class AutoFixture extends Base {
        @LoadTest(vus = 2, iterations = 600)
        void run(Http http) {
            get(http);
        }
    }

    static class MixedFixture extends Base {
        @LoadTest(vus = 2, iterations = 600)
        void run(Http http) {
            get(http);
            http.get(PLAIN.get());
        }
    }

    static class DirectFixture extends Base {
        @LoadTest(vus = 2, iterations = 600, clientExecutor = ClientExecutor.DIRECT)
        void run(Http http) {
            get(http);
        }
    }

    private static LoadResult run(Class<?> fixture, String path) {
        try (LoopbackServer server = LoopbackServer.builder().https(TlsFixtures.serverTls().http2(false)).start()) {
            TlsFixtures.TARGET.set(URI.create("https://localhost:" + server.port() + path));
            TlsFixtures.runPassing(fixture);
        }
        return RESULT.get();
    }

    @Test
    @DisplayName("a new TLS connection per request: the client moves, nothing fails, the summary says so")
    void newConnectionPerRequest() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        LoadResult r = run(AutoFixture.class, "/close");
        assertThat(r.count("http_reqs")).isEqualTo(600);
        assertThat(r.rate("http_req_failed")).isZero();
        assertThat(r.trend("http_req_tls_handshaking").min()).as("every request handshakes").isPositive();
        assertThat(r.notes()).singleElement().asString()
                .startsWith("clientExecutor AUTO: 1 of 1 HTTP clients ran java.net.http on a thread pool")
                .contains("for 2 of their 2 windows of 256 HTTPS responses");
        assertThat(r.summary()).contains("clientExecutor AUTO: 1 of 1 HTTP clients");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                        .map(Thread::getName).filter(n -> n.startsWith("loadtest-http-"))
                        .collect(Collectors.toSet())).as("the pool's threads outlive the run").isEmpty());
    }

    @Test
    @DisplayName("only HTTPS responses count: one HTTPS request on a new connection and one plain one per iteration")
    void plainNotCounted() {
        try (LoopbackServer plain = LoopbackServer.http()) {
            PLAIN.set(plain.uri("/ok"));
            LoadResult r = run(MixedFixture.class, "/close");
            assertThat(r.count("http_reqs")).isEqualTo(1200);
            assertThat(r.notes()).as("counting the plain responses too would make it exactly half: no move")
                    .singleElement().asString().startsWith("clientExecutor AUTO: 1 of 1 HTTP clients");
        }
    }

    @Test
    @DisplayName("keep-alive: the client stays direct and the summary says nothing")
    void keepAlive() {
        LoadResult r = run(AutoFixture.class, "/ok");
        assertThat(r.count("http_reqs")).isEqualTo(600);
        assertThat(r.trend("http_req_tls_handshaking").max()).as("the first requests handshake").isPositive();
        assertThat(r.notes()).isEmpty();
    }

    @Test
    @DisplayName("an explicit clientExecutor is kept whatever the connections do")
    void explicitKept() {
        LoadResult r = run(DirectFixture.class, "/close");
        assertThat(r.count("http_reqs")).isEqualTo(600);
        assertThat(r.notes()).isEmpty();
    }
}
