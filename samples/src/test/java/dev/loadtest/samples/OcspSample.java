package dev.loadtest.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

import dev.loadtest.Http;
import dev.loadtest.LoadResponse;
import dev.loadtest.LoadResult;
import dev.loadtest.LoadTest;
import dev.loadtest.Threshold;
import dev.loadtest.Vu;
import dev.loadtest.assertions.LoadAssertions;
import dev.loadtest.fixtures.IssuedCertificate;
import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.fixtures.OcspResponder;
import dev.loadtest.fixtures.Pem;
import dev.loadtest.fixtures.ServerTls;
import dev.loadtest.fixtures.TestPki;
import dev.loadtest.tls.OcspPolicy;
import dev.loadtest.tls.OcspStatus;
import dev.loadtest.tls.RevocationReason;
import dev.loadtest.tls.TlsTrust;

/**
 * OCSP stapling under load: every response carries the checked OCSP status of the server's certificate. A server
 * that staples a good response passes its thresholds; a server whose certificate is revoked is caught on every
 * response (the check "certificate not revoked" fails and the summary shows it), which this sample asserts.
 *
 * <p>The PKI, the OCSP responder and both HTTPS servers are made at test time on 127.0.0.1.
 */
@TlsTrust(certificates = "file:target/ocsp-sample/root.pem")
@OcspPolicy(statusTag = true)
class OcspSample {

    static TestPki pki;
    static OcspResponder responder;
    static LoopbackServer healthy;
    static LoopbackServer revoked;

    @BeforeAll
    static void start() throws IOException {
        pki = TestPki.builder().keyType(TestPki.KeyType.EC_P256).build();
        Path dir = Files.createDirectories(Path.of("target/ocsp-sample"));
        Pem.write(dir.resolve("root.pem"), Pem.certificates(pki.rootCertificate()));
        responder = OcspResponder.start(pki);
        TestPki withAia = pki.withOcspUrl(responder.uri()); // certificates name the responder
        healthy = stapling(withAia.serverCertificate());
        revoked = stapling(withAia.revokedServerCertificate()); // key compromise, a minute ago
    }

    private static LoopbackServer stapling(IssuedCertificate certificate) {
        return LoopbackServer.builder().https(ServerTls.of(certificate.privateKey(), certificate.certificate(),
                certificate.issuer()).ocspStapling(true)).start();
    }

    @AfterAll
    static void stop() {
        healthy.close();
        revoked.close();
        responder.close();
    }

    @Nested
    class HealthyServer {

        @LoadTest(vus = 5, iterations = 100)
        @Threshold(metric = "http_reqs{ocsp_status:good}", condition = "count==100")
        @Threshold(metric = "checks", condition = "rate==1")
        void staplesGood(Http http, Vu vu) {
            LoadResponse res = http.get(healthy.uri("/ok"));
            vu.check(res, "status is 200", r -> r.status() == 200);
            vu.check(res, "certificate not revoked", r -> r.tls().orElseThrow().ocsp().status() == OcspStatus.GOOD);
            vu.check(res, "OCSP stapled", r -> r.tls().orElseThrow().ocsp().isStapled());
        }
    }

    @Nested
    class RevokedCertificate {

        @LoadTest(vus = 2, iterations = 20)
        @Threshold(metric = "http_reqs{ocsp_status:revoked}", condition = "count==20")
        void isDetected(Http http, Vu vu) {
            LoadResponse res = http.get(revoked.uri("/ok"));
            // The server still answers (the JDK client does not check revocation by default); OCSP says revoked.
            vu.check(res, "status is 200", r -> r.status() == 200);
            vu.check(res, "certificate not revoked", r -> r.tls().orElseThrow().ocsp().status() == OcspStatus.GOOD);
            LoadAssertions.assertThat(res).hasOcspStatus(OcspStatus.REVOKED).ocsp().isStapled()
                    .hasRevocationReason(RevocationReason.KEY_COMPROMISE);
        }

        @AfterEach
        void revocationWasReported(LoadResult result) {
            assertThat(result.checks().get("certificate not revoked").fails()).isEqualTo(20);
            assertThat(result.checks().get("status is 200").fails()).isZero();
            assertThat(result.iterationErrors()).isEmpty();
        }
    }
}
