package dev.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.loadtest.fixtures.IssuedCertificate;
import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.fixtures.OcspResponder;
import dev.loadtest.fixtures.TestPki;
import dev.loadtest.internal.http.ClientPool.ClientHandle;
import dev.loadtest.internal.http.ConnectionObserver.ConnectionFacts;
import dev.loadtest.internal.ocsp.OcspChecker;
import dev.loadtest.internal.ocsp.OcspSettings;
import dev.loadtest.internal.tls.TlsClients;
import dev.loadtest.internal.tls.TlsSettings;
import dev.loadtest.tls.OcspInfo;
import dev.loadtest.tls.OcspStatus;
import dev.loadtest.tls.TlsInfo;

/**
 * The library's own client and connection observer, driven directly so the run's {@link OcspChecker} and its
 * parse counter can be read: a stapled response is parsed once per connection, however many responses use it.
 */
@DisplayName("OCSP is parsed once per connection")
class OcspPerConnectionTests {

    private static OcspResponder responder;
    private static LoopbackServer server;

    @BeforeAll
    static void startServer() {
        TestPki pki = OcspFixtures.pki();
        responder = OcspResponder.start(pki);
        IssuedCertificate certificate = pki.withOcspUrl(responder.uri()).serverCertificate();
        server = OcspFixtures.stapling(certificate);
    }

    @AfterAll
    static void stopServer() {
        server.close();
        responder.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = HttpClient.Version.class)
    @DisplayName("60 responses from 6 threads: as many parses as connections, and one OcspInfo per connection")
    void oncePerConnection(HttpClient.Version version) throws Exception {
        TlsSettings settings = new TlsSettings(List.of(), List.of(), null, OcspFixtures.trustManager(), null);
        OcspChecker checker = new OcspChecker(OcspSettings.DEFAULT, settings.trustManager());
        ClientHandle handle = TlsClients.factory(settings, checker).apply(HttpClient.newBuilder().version(version));
        List<Future<ConnectionFacts>> sent = new ArrayList<>();
        try (HttpClient client = handle.client();
                ExecutorService threads = Executors.newFixedThreadPool(6, Thread.ofVirtual().factory())) {
            for (int i = 0; i < 60; i++) {
                sent.add(threads.submit(() -> {
                    HttpResponse<Void> response = client.send(HttpRequest.newBuilder(server.uri("/ok")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    ConnectionFacts facts = handle.observer().observe(response);
                    assertThat(facts.tls().ocsp().status()).isEqualTo(OcspStatus.GOOD);
                    return facts;
                }));
            }
            int connections = 0;
            Map<OcspInfo, TlsInfo> perConnection = new IdentityHashMap<>();
            for (Future<ConnectionFacts> f : sent) {
                ConnectionFacts facts = f.get();
                connections += facts.newConnection() ? 1 : 0;
                perConnection.put(facts.tls().ocsp(), facts.tls());
            }
            assertThat(connections).isBetween(1, 6);
            assertThat(checker.parsedResponses()).as("parses").isEqualTo(connections);
            assertThat(perConnection).as("distinct OcspInfo instances").hasSize(connections);
            assertThat(checker.fetches()).isZero();
        }
    }
}
