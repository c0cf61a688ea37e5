package dev.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.loadtest.assertions.LoadAssertions;
import dev.loadtest.fixtures.IssuedCertificate;
import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.fixtures.OcspResponder;
import dev.loadtest.fixtures.TestPki;
import dev.loadtest.tls.OcspFetch;
import dev.loadtest.tls.OcspInfo;
import dev.loadtest.tls.OcspPolicy;
import dev.loadtest.tls.OcspStatus;
import dev.loadtest.tls.TlsTrust;

@DisplayName("Fetching OCSP from the certificate's responder when nothing is stapled")
class OcspFetchTests {

    static final AtomicReference<URI> TARGET = new AtomicReference<>();
    static final AtomicReference<LoadResult> RESULT = new AtomicReference<>();
    static final AtomicReference<LoadResponse> LAST = new AtomicReference<>();
    static final AtomicInteger ITERATIONS = new AtomicInteger();

    private static OcspResponder responder;
    private static LoopbackServer notStapling;
    private static LoopbackServer stapling;

    @BeforeAll
    static void startServers() {
        TestPki pki = OcspFixtures.pki();
        responder = OcspResponder.start(pki);
        IssuedCertificate certificate = pki.withOcspUrl(responder.uri()).serverCertificate();
        notStapling = OcspFixtures.notStapling(certificate);
        stapling = OcspFixtures.stapling(certificate);
    }

    @AfterAll
    static void stopServers() {
        notStapling.close();
        stapling.close();
        responder.close();
    }

    @BeforeEach
    void reset() {
        TARGET.set(notStapling.uri("/ok"));
        RESULT.set(null);
        LAST.set(null);
        ITERATIONS.set(0);
        responder.start();
        responder.delay(Duration.ZERO);
    }

    /** Requests {@link #TARGET}, checks the OCSP status on every response and keeps the result. */
    @TlsTrust(certificates = OcspFixtures.ROOT_PEM)
    abstract static class Base {
        void get(Http http, Vu vu) {
            ITERATIONS.incrementAndGet();
            LoadResponse res = http.get(TARGET.get());
            OcspInfo ocsp = res.tls().orElseThrow().ocsp();
            vu.check("fetched", ocsp.isFetched());
            LAST.set(res);
        }

        @AfterEach
        void after(LoadResult result) {
            RESULT.set(result);
        }
    }

    @OcspPolicy(fetch = OcspFetch.WHEN_NOT_STAPLED, statusTag = true)
    static class FetchingFixture extends Base {
        @LoadTest(vus = 4, iterations = 40, connections = Connections.PER_VU)
        void run(Http http, Vu vu) {
            get(http, vu);
        }
    }

    @OcspPolicy(fetch = OcspFetch.WHEN_NOT_STAPLED, fetchTimeout = "300ms", statusTag = true)
    static class ShortTimeoutFixture extends Base {
        @LoadTest(vus = 1, iterations = 2)
        void run(Http http, Vu vu) {
            get(http, vu);
        }
    }

    static class DefaultFixture extends Base {
        @LoadTest(vus = 2, iterations = 6)
        void run(Http http, Vu vu) {
            get(http, vu);
        }
    }

    private static LoadResult runPassing(Class<?> fixture, String... configuration) {
        EngineExecutionResults results = TestKit.run(fixture, configuration);
        results.testEvents().failed().stream().findFirst().ifPresent(failed -> {
            throw new AssertionError(fixture.getSimpleName() + " failed", failed
                    .getRequiredPayload(TestExecutionResult.class).getThrowable().orElse(null));
        });
        results.testEvents().assertStatistics(s -> s.succeeded(1));
        return RESULT.get();
    }

    @Test
    @DisplayName("a non-stapling server whose certificate has an AIA gives FETCHED GOOD, fetched once per run")
    void fetchedGood() {
        int before = responder.requestCount();
        LoadResult result = runPassing(FetchingFixture.class);
        LoadAssertions.assertThat(LAST.get()).hasStatus(200).hasOcspStatus(OcspStatus.GOOD).ocsp().isFetched();
        assertThat(result.count("http_reqs{ocsp_status:good}")).isEqualTo(40);
        assertThat(result.checks().get("fetched").fails()).isZero();
        assertThat(responder.requestCount() - before).as("one fetch for 4 clients' connections").isEqualTo(1);
    }

    @Test
    @DisplayName("with the responder down, the run goes on: every response is served and SERVER_FAILED says why")
    void responderDown() {
        responder.stop();
        LoadResult result = runPassing(FetchingFixture.class);
        assertThat(result.count("http_reqs")).isEqualTo(40);
        assertThat(result.rate("http_req_failed")).isZero();
        assertThat(result.count("http_reqs{ocsp_status:server_failed}")).isEqualTo(40);
        LoadAssertions.assertThat(LAST.get()).hasStatus(200).hasOcspStatus(OcspStatus.SERVER_FAILED).ocsp()
                .isFetched().hasErrorContaining("the OCSP responder " + responder.uri() + " could not be reached")
                .hasErrorContaining("ConnectException");
    }

    @Test
    @DisplayName("a responder slower than fetchTimeout gives SERVER_FAILED once the timeout has passed")
    void responderTooSlow() {
        responder.delay(Duration.ofSeconds(5));
        LoadResult result = runPassing(ShortTimeoutFixture.class);
        assertThat(result.count("http_reqs{ocsp_status:server_failed}")).isEqualTo(2);
        LoadAssertions.assertThat(LAST.get()).hasOcspStatus(OcspStatus.SERVER_FAILED).ocsp()
                .hasErrorContaining("did not answer within 300 ms");
        assertThat(result.trend("iteration_duration").max()).as("bounded by the timeout, not the delay")
                .isLessThan(4000);
    }

    @Test
    @DisplayName("a stapled response wins: the responder is not asked during the run")
    void stapledWins() {
        TARGET.set(stapling.uri("/ok"));
        int before = responder.requestCount();
        LoadResult result = runPassing(FetchingFixture.class);
        LoadAssertions.assertThat(LAST.get()).hasOcspStatus(OcspStatus.GOOD).ocsp().isStapled();
        assertThat(result.checks().get("fetched").passes()).isZero();
        assertThat(responder.requestCount()).isEqualTo(before);
    }

    @Nested
    @DisplayName("without @OcspPolicy")
    class Defaults {

        @Test
        @DisplayName("nothing is fetched: NOT_STAPLED, no tag, and the responder is not asked")
        void stapledOnly() {
            int before = responder.requestCount();
            LoadResult result = runPassing(DefaultFixture.class);
            LoadAssertions.assertThat(LAST.get()).hasStatus(200).hasOcspStatus(OcspStatus.NOT_STAPLED);
            assertThat(result.count("http_reqs{ocsp_status:not_stapled}")).isZero();
            assertThat(responder.requestCount()).isEqualTo(before);
        }

        @Test
        @DisplayName("the configuration parameters loadtest.ocsp.* turn fetching and the tag on")
        void configurationParameters() {
            LoadResult result = runPassing(DefaultFixture.class, "loadtest.ocsp.fetch", "when_not_stapled",
                    "loadtest.ocsp.fetchTimeout", "2s", "loadtest.ocsp.statusTag", "true");
            LoadAssertions.assertThat(LAST.get()).hasOcspStatus(OcspStatus.GOOD).ocsp().isFetched();
            assertThat(result.count("http_reqs{ocsp_status:good}")).isEqualTo(6);
        }
    }

    @OcspPolicy(fetchTimeout = "0s")
    static class ZeroTimeout extends Base {
        @LoadTest(vus = 1, iterations = 1)
        void run(Http http, Vu vu) {
            get(http, vu);
        }
    }

    static class TooLongTimeout extends Base {
        @LoadTest(vus = 1, iterations = 1)
        @OcspPolicy(fetch = OcspFetch.WHEN_NOT_STAPLED, fetchTimeout = "2m")
        void run(Http http, Vu vu) {
            get(http, vu);
        }
    }

    static class WordTimeout extends Base {
        @LoadTest(vus = 1, iterations = 1)
        @OcspPolicy(fetchTimeout = "soon")
        void run(Http http, Vu vu) {
            get(http, vu);
        }
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(ZeroTimeout.class, new String[0], "@OcspPolicy on class [ZeroTimeout]: fetchTimeout ="
                        + " '0s' is not accepted: a k6 duration above 0 and at most 1m"),
                Arguments.of(TooLongTimeout.class, new String[0], "@OcspPolicy on method [TooLongTimeout.run(Http,"
                        + " Vu)]: fetchTimeout = '2m' is not accepted: a k6 duration above 0 and at most 1m"),
                Arguments.of(WordTimeout.class, new String[0], "fetchTimeout = 'soon' is not accepted: a k6 duration"),
                Arguments.of(DefaultFixture.class, new String[] {"loadtest.ocsp.fetch", "sometimes"},
                        "configuration parameter loadtest.ocsp.fetch = 'sometimes' is not accepted: never or"
                                + " when_not_stapled"),
                Arguments.of(DefaultFixture.class, new String[] {"loadtest.ocsp.fetchTimeout", "-1s"},
                        "loadtest.ocsp.fetchTimeout = '-1s' is not accepted"),
                Arguments.of(DefaultFixture.class, new String[] {"loadtest.ocsp.statusTag", "yes"},
                        "loadtest.ocsp.statusTag = 'yes' is not accepted: true or false"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badInput")
    @DisplayName("bad OCSP settings fail the test before any load, saying what is accepted")
    void badSettings(Class<?> fixture, String[] configuration, String expected) {
        EngineExecutionResults results = TestKit.run(fixture, configuration);
        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(TestKit.failureMessage(results)).startsWith("Configuration error: ").contains(expected);
        assertThat(ITERATIONS).as("no iteration may run").hasValue(0);
    }
}
