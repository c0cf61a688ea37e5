package dev.loadtest.samples;

import static dev.loadtest.assertions.LoadAssertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.loadtest.Http;
import dev.loadtest.LoadTest;
import dev.loadtest.Threshold;
import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.fixtures.ServerTls;
import dev.loadtest.tls.ClientCertificate;
import dev.loadtest.tls.TlsTrust;

/**
 * Mutual TLS under load: a server that requires a client certificate and echoes its subject. The certificate is
 * sent to {@code localhost} only; the key is encrypted PKCS#8 whose password comes from a system property.
 */
class MutualTlsSample {

    static LoopbackServer server;

    @BeforeAll
    static void startServer() {
        server = LoopbackServer.builder().https(SampleTls.server().clientAuth(ServerTls.ClientAuth.NEED)
                .trustedClientIssuers(SampleTls.clientIssuer())).start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @LoadTest(vus = 5, iterations = 100)
    @TlsTrust(certificates = SampleTls.ROOT)
    @ClientCertificate(domains = "localhost", cert = SampleTls.CLIENT_CERT, key = SampleTls.CLIENT_KEY,
            password = SampleTls.CLIENT_PASSWORD)
    @Threshold(metric = "http_req_failed", condition = "rate==0")
    void mutualTls(Http http) {
        assertThat(http.get(server.uri("/echo-client-cert")))
                .hasStatus(200).hasBodyContaining("CN=load-tester");
    }
}
