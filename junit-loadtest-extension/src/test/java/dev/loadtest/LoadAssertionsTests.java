package dev.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.loadtest.assertions.LoadAssertions;
import dev.loadtest.assertions.LoadResponseAssert;
import dev.loadtest.tls.CertificateInfo;
import dev.loadtest.tls.OcspInfo;
import dev.loadtest.tls.TlsInfo;
import dev.loadtest.tls.TlsVersion;

@DisplayName("LoadAssertions say what was expected and what the response got")
class LoadAssertionsTests {

    private static final URI URI_OK = URI.create("https://localhost:8443/ok");

    /** A response as the library makes them, for assertion messages; real ones come from the other tests. */
    record Stub(int status, String body, HttpClient.Version protocol, Timings timings, LoadError loadError,
            TlsInfo tlsInfo) implements LoadResponse {

        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(Map.of(), (a, b) -> true);
        }

        @Override
        public byte[] bodyBytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Optional<HttpClient.Version> version() {
            return Optional.ofNullable(protocol);
        }

        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(URI_OK).build();
        }

        @Override
        public Optional<LoadError> error() {
            return Optional.ofNullable(loadError);
        }

        @Override
        public boolean failed() {
            return loadError != null || status >= 400;
        }

        @Override
        public Optional<TlsInfo> tls() {
            return Optional.ofNullable(tlsInfo);
        }
    }

    record StubTls(TlsVersion version, String cipherSuite, String alpn, String peerHost,
            List<CertificateInfo> peerCertificates) implements TlsInfo {

        @Override
        public OcspInfo ocsp() {
            return OcspInfo.notStapled();
        }
    }

    private static Timings timings(long tlsMillis, long durationMillis) {
        return new Timings(Duration.ZERO, Duration.ofMillis(tlsMillis == 0 ? 0 : 1), Duration.ofMillis(tlsMillis),
                Duration.ZERO, Duration.ofMillis(durationMillis), Duration.ZERO, Duration.ofMillis(durationMillis));
    }

    private static final TlsInfo TLS = new StubTls(TlsVersion.TLS_1_3, "TLS_AES_128_GCM_SHA256", "h2", "localhost",
            List.of(CertificateInfo.of(TlsFixtures.pki().serverCertificate().certificate())));

    private static final LoadResponse OK = new Stub(200, "ok", HttpClient.Version.HTTP_2, timings(12, 5), null, TLS);
    private static final LoadResponse REFUSED = new Stub(0, "", null, timings(0, 3),
            new LoadError(1300, LoadError.Kind.TLS, "Received fatal alert: protocol_version",
                    Optional.of("protocol_version")), null);
    private static final LoadResponse PLAIN = new Stub(503, "", HttpClient.Version.HTTP_1_1, timings(0, 2), null, null);

    @Test
    @DisplayName("pass on what the response has")
    void responsePasses() {
        LoadAssertions.assertThat(OK).hasStatus(200).isNotFailed().hasVersion(HttpClient.Version.HTTP_2)
                .hasBody("ok").hasBodyContaining("o").hasTlsVersion(TlsVersion.TLS_1_3)
                .hasCipherSuite("TLS_AES_128_GCM_SHA256").hasAlpn("h2").hasTlsHandshake()
                .hasTlsHandshakingBetween(Duration.ofMillis(12), Duration.ofMillis(12))
                .hasTlsHandshakingAtMost(Duration.ofSeconds(1)).hasDurationAtMost(Duration.ofMillis(5))
                .hasDurationBetween(Duration.ZERO, Duration.ofMillis(5)).hasWaitingAtMost(Duration.ofMillis(5))
                .hasBlockedAtMost(Duration.ZERO).hasConnectingAtMost(Duration.ofMillis(1));
        LoadAssertions.assertThat(REFUSED).hasStatus(0).isFailed().isTlsFailure().hasErrorCode(1300)
                .hasTlsAlert("protocol_version").hasTlsAlert("PROTOCOL").hasNoTlsHandshake();
    }

    @Test
    @DisplayName("a status mismatch names the request and the status it got")
    void status() {
        assertThatThrownBy(() -> LoadAssertions.assertThat(PLAIN).hasStatus(200))
                .hasMessage("Expected GET https://localhost:8443/ok to have status 200, but it got status 503"
                        + " (failed)");
    }

    @Test
    @DisplayName("an expected TLS alert on a success says it succeeded")
    void alertOnSuccess() {
        assertThatThrownBy(() -> LoadAssertions.assertThat(OK).hasTlsAlert("protocol_version"))
                .hasMessage("Expected GET https://localhost:8443/ok to fail with TLS alert protocol_version, but"
                        + " it got status 200");
    }

    @Test
    @DisplayName("another alert is named")
    void otherAlert() {
        assertThatThrownBy(() -> LoadAssertions.assertThat(REFUSED).hasTlsAlert("handshake_failure"))
                .hasMessageContaining("to fail with TLS alert handshake_failure, but it failed with alert"
                        + " protocol_version");
    }

    @Test
    @DisplayName("TLS facts asked of a failed or plain response say why there are none")
    void noTls() {
        assertThatThrownBy(() -> LoadAssertions.assertThat(REFUSED).hasTlsVersion(TlsVersion.TLS_1_3))
                .hasMessageContaining("has no TLS facts: it failed with tls (1300)");
        assertThatThrownBy(() -> LoadAssertions.assertThat(PLAIN).hasAlpn("h2"))
                .hasMessageContaining("it was not sent over TLS (status 503)");
    }

    @Test
    @DisplayName("timing bounds print milliseconds")
    void timing() {
        assertThatThrownBy(() -> LoadAssertions.assertThat(OK).hasTlsHandshakingAtMost(Duration.ofMillis(10)))
                .hasMessage("Expected GET https://localhost:8443/ok to have tls_handshaking of at most 10.000 ms,"
                        + " but it was 12.000 ms");
        assertThatThrownBy(() -> LoadAssertions.assertThat(OK).hasNoTlsHandshake())
                .hasMessageContaining("tls_handshaking of at most 0.000 ms");
        assertThatThrownBy(() -> LoadAssertions.assertThat(REFUSED).hasTlsHandshake())
                .hasMessageContaining("but its tls_handshaking was 0");
    }

    @Test
    @DisplayName("work as soft assertions: both failures are reported")
    void soft() {
        SoftAssertions softly = new SoftAssertions();
        softly.proxy(LoadResponseAssert.class, LoadResponse.class, PLAIN).hasStatus(200).hasAlpn("h2");
        assertThat(softly.errorsCollected()).hasSize(2);
    }

    @Test
    @DisplayName("pass on the leaf's facts")
    void certificatePasses() {
        LoadAssertions.assertThat(TLS).hasVersion(TlsVersion.TLS_1_3).hasAlpn("h2").hasChainLength(1)
                .hasCipherSuite("TLS_AES_128_GCM_SHA256");
        LoadAssertions.assertThat(TLS.leaf()).hasSubject("CN=localhost").hasKeySizeAtLeast(2048)
                .hasSubjectAlternativeName("127.0.0.1").isValidAt(java.time.Instant.now());
    }

    @Test
    @DisplayName("expiry, SAN and key size failures say what the certificate has")
    void certificateFailures() {
        CertificateInfo leaf = TLS.leaf();
        assertThatThrownBy(() -> LoadAssertions.assertThat(leaf).isValidForAtLeast(Duration.ofDays(60)))
                .hasMessageContaining("to be valid for at least 60 more days, but it expires")
                .hasMessageContaining("days from now)");
        assertThatThrownBy(() -> LoadAssertions.assertThat(leaf).hasSubjectAlternativeName("api.example.com"))
                .hasMessage("Expected the certificate of CN=localhost to name api.example.com, but its subject"
                        + " alternative names are [localhost, 127.0.0.1]");
        assertThatThrownBy(() -> LoadAssertions.assertThat(leaf).hasKeySizeAtLeast(4096))
                .hasMessageContaining("at least 4096 bits, but it has a 2048-bit RSA key");
        assertThatThrownBy(() -> LoadAssertions.assertThat(TLS).hasAlpn("http/1.1"))
                .hasMessage("Expected the connection to localhost to agree on ALPN protocol http/1.1, but it"
                        + " agreed on h2");
    }
}
