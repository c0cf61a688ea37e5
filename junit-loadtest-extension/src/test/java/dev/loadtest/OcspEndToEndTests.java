package dev.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x509.CRLReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.loadtest.assertions.LoadAssertions;
import dev.loadtest.fixtures.IssuedCertificate;
import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.fixtures.OcspResponder;
import dev.loadtest.fixtures.OcspResponder.Answer;
import dev.loadtest.fixtures.TestPki;
import dev.loadtest.tls.OcspFetch;
import dev.loadtest.tls.OcspPolicy;
import dev.loadtest.tls.OcspStatus;
import dev.loadtest.tls.RevocationReason;
import dev.loadtest.tls.TlsInfo;
import dev.loadtest.tls.TlsPolicy;
import dev.loadtest.tls.TlsTrust;
import dev.loadtest.tls.TlsVersion;

/**
 * Every OCSP status, observed through a load run against real servers on 127.0.0.1: JDK servers that staple what a
 * real responder answers (good, revoked, unknown, a bad signature), one that staples nothing, and, with fetching on,
 * a responder that answers tryLater. A JDK server never staples an unsuccessful response (it drops it and staples
 * nothing), so SERVER_FAILED is observed here through fetching; stapled unsuccessful bytes are covered by
 * {@link OcspCheckerTests}.
 */
@DisplayName("OCSP status end to end, over TLS 1.2 and 1.3, HTTP/1.1 and h2")
class OcspEndToEndTests {

    /** The servers' roles; the fixtures request each and keep the response under the role's name. */
    enum Role { GOOD, REVOKED, UNKNOWN, BAD_SIGNATURE, NOT_STAPLED, TRY_LATER }

    static final Map<Role, URI> TARGETS = new ConcurrentHashMap<>();
    static final Map<String, LoadResponse> SEEN = new ConcurrentHashMap<>();
    static final Instant REVOKED_AT = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    private static OcspResponder responder;
    private static final List<LoopbackServer> SERVERS = new ArrayList<>();

    @BeforeAll
    static void startServers() {
        TestPki pki = OcspFixtures.pki();
        responder = OcspResponder.start(pki);
        TestPki withAia = pki.withOcspUrl(responder.uri());
        for (Role role : Role.values()) {
            IssuedCertificate certificate = withAia.serverCertificate();
            switch (role) {
                case REVOKED -> responder.answer(certificate, Answer.revoked(REVOKED_AT, CRLReason.keyCompromise));
                case UNKNOWN -> responder.answer(certificate, Answer.unknown());
                case BAD_SIGNATURE -> responder.answer(certificate, Answer.badSignature());
                case TRY_LATER -> responder.answer(certificate, Answer.tryLater());
                default -> responder.answer(certificate, Answer.good());
            }
            LoopbackServer server = role == Role.NOT_STAPLED || role == Role.TRY_LATER
                    ? OcspFixtures.notStapling(certificate)
                    : OcspFixtures.stapling(certificate);
            SERVERS.add(server);
            TARGETS.put(role, server.uri("/ok"));
        }
    }

    @AfterAll
    static void stopServers() {
        SERVERS.forEach(LoopbackServer::close);
        responder.close();
    }

    @BeforeEach
    void reset() {
        SEEN.clear();
    }

    /** Requests every server once per run, over the HTTP version of the subclass. */
    @TlsTrust(certificates = OcspFixtures.ROOT_PEM)
    abstract static class Matrix {

        abstract HttpClient.Version http();

        @LoadTest(vus = 1, iterations = 1)
        void stapledOnly(Http http) {
            for (Role role : List.of(Role.GOOD, Role.REVOKED, Role.UNKNOWN, Role.BAD_SIGNATURE, Role.NOT_STAPLED)) {
                SEEN.put(role.name(), get(http, role));
            }
        }

        @LoadTest(vus = 1, iterations = 1)
        @OcspPolicy(fetch = OcspFetch.WHEN_NOT_STAPLED, fetchTimeout = "10s")
        void fetching(Http http) {
            SEEN.put("FETCHED " + Role.NOT_STAPLED, get(http, Role.NOT_STAPLED));
            SEEN.put("FETCHED " + Role.TRY_LATER, get(http, Role.TRY_LATER));
            SEEN.put("FETCHED " + Role.GOOD, get(http, Role.GOOD));
        }

        private LoadResponse get(Http http, Role role) {
            LoadResponse res = http.send(HttpRequest.newBuilder(TARGETS.get(role)).version(http()).build());
            res.tls().ifPresent(TlsInfo::ocsp); // worked out during the run, as a user's check would
            return res;
        }
    }

    @TlsPolicy(versions = TlsVersion.TLS_1_2)
    static class Tls12Http11 extends Matrix {
        @Override
        HttpClient.Version http() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    @TlsPolicy(versions = TlsVersion.TLS_1_2)
    static class Tls12H2 extends Matrix {
        @Override
        HttpClient.Version http() {
            return HttpClient.Version.HTTP_2;
        }
    }

    @TlsPolicy(versions = TlsVersion.TLS_1_3)
    static class Tls13Http11 extends Matrix {
        @Override
        HttpClient.Version http() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    @TlsPolicy(versions = TlsVersion.TLS_1_3)
    static class Tls13H2 extends Matrix {
        @Override
        HttpClient.Version http() {
            return HttpClient.Version.HTTP_2;
        }
    }

    static Stream<Arguments> combinations() {
        return Stream.of(Arguments.of(TlsVersion.TLS_1_2, HttpClient.Version.HTTP_1_1, Tls12Http11.class),
                Arguments.of(TlsVersion.TLS_1_2, HttpClient.Version.HTTP_2, Tls12H2.class),
                Arguments.of(TlsVersion.TLS_1_3, HttpClient.Version.HTTP_1_1, Tls13Http11.class),
                Arguments.of(TlsVersion.TLS_1_3, HttpClient.Version.HTTP_2, Tls13H2.class));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("combinations")
    @DisplayName("GOOD, REVOKED, UNKNOWN, INVALID and NOT_STAPLED stapled or not; SERVER_FAILED and GOOD fetched")
    void everyStatus(TlsVersion version, HttpClient.Version http, Class<? extends Matrix> fixture) {
        EngineExecutionResults results = TestKit.run(fixture);
        results.testEvents().failed().stream().findFirst().ifPresent(failed -> {
            throw new AssertionError(fixture.getSimpleName() + " failed", failed
                    .getRequiredPayload(TestExecutionResult.class).getThrowable().orElse(null));
        });
        results.testEvents().assertStatistics(s -> s.succeeded(2));
        assertThat(SEEN).hasSize(8);
        // java.net.http offers ALPN only for HTTP/2: an HTTP/1.1 request agrees on none.
        SEEN.values().forEach(res -> LoadAssertions.assertThat(res).hasStatus(200).hasVersion(http)
                .hasTlsVersion(version).hasAlpn(http == HttpClient.Version.HTTP_2 ? "h2" : ""));

        LoadAssertions.assertThat(SEEN.get("GOOD")).hasOcspStatus(OcspStatus.GOOD).ocsp().isStapled();
        LoadAssertions.assertThat(SEEN.get("REVOKED")).hasOcspStatus(OcspStatus.REVOKED).ocsp().isStapled()
                .hasRevocationReason(RevocationReason.KEY_COMPROMISE).wasRevokedAt(REVOKED_AT);
        LoadAssertions.assertThat(SEEN.get("UNKNOWN")).hasOcspStatus(OcspStatus.UNKNOWN).ocsp().isStapled();
        LoadAssertions.assertThat(SEEN.get("BAD_SIGNATURE")).hasOcspStatus(OcspStatus.INVALID).ocsp().isStapled()
                .hasErrorContaining("signature does not verify against the issuer");
        LoadAssertions.assertThat(SEEN.get("NOT_STAPLED")).hasOcspStatus(OcspStatus.NOT_STAPLED);
        assertThat(SEEN.get("NOT_STAPLED").tls().orElseThrow().ocsp().source()).isEmpty();

        LoadAssertions.assertThat(SEEN.get("FETCHED NOT_STAPLED")).hasOcspStatus(OcspStatus.GOOD).ocsp().isFetched();
        LoadAssertions.assertThat(SEEN.get("FETCHED TRY_LATER")).hasOcspStatus(OcspStatus.SERVER_FAILED).ocsp()
                .isFetched().hasErrorContaining("answered tryLater (3)")
                .hasErrorContaining(responder.uri().toString());
        LoadAssertions.assertThat(SEEN.get("FETCHED GOOD")).hasOcspStatus(OcspStatus.GOOD).ocsp().isStapled();
    }
}
