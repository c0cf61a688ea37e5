package dev.loadtest.samples;

import static dev.loadtest.assertions.LoadAssertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.loadtest.Http;
import dev.loadtest.LoadResponse;
import dev.loadtest.LoadTest;
import dev.loadtest.Params;
import dev.loadtest.Threshold;
import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.tls.TlsPolicy;
import dev.loadtest.tls.TlsTrust;
import dev.loadtest.tls.TlsVersion;

/**
 * A client that offers TLS 1.3 only, under load: the modern server answers over TLS 1.3 and HTTP/2 with a
 * certificate valid for a while yet; a server stuck on TLS 1.2 refuses it with {@code protocol_version}.
 */
class TlsPolicySample {

    static LoopbackServer modern;
    static LoopbackServer legacy;

    @BeforeAll
    static void startServers() {
        modern = LoopbackServer.builder().https(SampleTls.server()).start();
        legacy = LoopbackServer.builder().https(SampleTls.server().protocols("TLSv1.2")).start();
    }

    @AfterAll
    static void stopServers() {
        modern.close();
        legacy.close();
    }

    @LoadTest(vus = 10, duration = "3s")
    @TlsPolicy(versions = TlsVersion.TLS_1_3)
    @TlsTrust(certificates = SampleTls.ROOT)
    @Threshold(metric = "http_req_duration{tls_version:TLSv1.3}", condition = "p(95)<1000")
    @Threshold(metric = "http_req_failed{name:modern}", condition = "rate==0")
    @Threshold(metric = "http_req_failed{name:legacy}", condition = "rate==1")
    void tls13Only(Http http) {
        LoadResponse res = http.get(modern.uri("/ok"), Params.name("modern"));
        assertThat(res).hasStatus(200).hasTlsVersion("TLSv1.3").hasAlpn("h2")
                .certificate().hasSubjectAlternativeName("localhost").isValidForAtLeast(Duration.ofDays(7));

        LoadResponse refused = http.get(legacy.uri("/ok"), Params.name("legacy"));
        assertThat(refused).isTlsFailure().hasTlsAlert("protocol_version");
    }
}
