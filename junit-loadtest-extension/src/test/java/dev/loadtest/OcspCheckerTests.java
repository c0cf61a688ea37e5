package dev.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bouncycastle.asn1.x509.CRLReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.loadtest.assertions.LoadAssertions;
import dev.loadtest.fixtures.IssuedCertificate;
import dev.loadtest.fixtures.OcspResponder;
import dev.loadtest.fixtures.OcspResponder.Answer;
import dev.loadtest.fixtures.OcspResponder.Signer;
import dev.loadtest.fixtures.TestPki;
import dev.loadtest.internal.ocsp.OcspChecker;
import dev.loadtest.internal.ocsp.OcspSettings;
import dev.loadtest.tls.OcspInfo;
import dev.loadtest.tls.OcspSource;
import dev.loadtest.tls.OcspStatus;
import dev.loadtest.tls.RevocationReason;

@DisplayName("Stapled OCSP responses are checked: signature, certificate, validity, status")
class OcspCheckerTests {

    /** EC keys (RSA key generation takes seconds on a busy machine), and an intermediate CA that issues leaves. */
    private static final TestPki PKI =
            TestPki.builder().keyType(TestPki.KeyType.EC_P256).intermediate(true).build();
    private static final IssuedCertificate SERVER = PKI.serverCertificate();
    private static final List<java.security.cert.X509Certificate> CHAIN =
            List.of(SERVER.certificate(), SERVER.issuer());

    private static OcspInfo check(byte[]... stapled) {
        return new OcspChecker(OcspSettings.DEFAULT, null).connection(List.of(stapled), CHAIN).get();
    }

    private static byte[] response(Answer answer) {
        return OcspResponder.response(PKI, SERVER, answer);
    }

    @Nested
    @DisplayName("a response that verifies")
    class Verified {

        @Test
        @DisplayName("GOOD, signed by the issuer, with producedAt, thisUpdate and nextUpdate as Instants")
        void goodByIssuer() {
            Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            OcspInfo ocsp = check(response(Answer.good()));
            LoadAssertions.assertThat(ocsp).hasStatus(OcspStatus.GOOD).isStapled();
            assertThat(ocsp.producedAt()).hasValueSatisfying(t -> assertThat(t).isBetween(before, Instant.now()));
            assertThat(ocsp.thisUpdate()).isEqualTo(ocsp.producedAt());
            assertThat(ocsp.nextUpdate()).contains(ocsp.thisUpdate().orElseThrow().plus(Duration.ofHours(1)));
            assertThat(ocsp.revokedAt()).isEmpty();
            assertThat(ocsp.revocationReason()).isEmpty();
            assertThat(ocsp.error()).isEmpty();
        }

        @Test
        @DisplayName("GOOD, signed by the issuer's delegated OCSP-signing certificate")
        void goodByDelegate() {
            OcspInfo ocsp = check(OcspResponder.response(PKI, SERVER, Answer.good(), Signer.DELEGATED));
            LoadAssertions.assertThat(ocsp).hasStatus(OcspStatus.GOOD);
        }

        @Test
        @DisplayName("REVOKED with the time (to the second) and the reason KEY_COMPROMISE")
        void revoked() {
            Instant when = Instant.parse("2025-03-01T10:15:30Z");
            OcspInfo ocsp = check(response(Answer.revoked(when, CRLReason.keyCompromise)));
            LoadAssertions.assertThat(ocsp).hasStatus(OcspStatus.REVOKED).isStapled()
                    .hasRevocationReason(RevocationReason.KEY_COMPROMISE).wasRevokedAt(when)
                    .wasRevokedBetween(when.minusSeconds(1), when.plusSeconds(1));
            assertThat(ocsp.status().k6Name()).isEqualTo("revoked");
            assertThat(ocsp.revocationReason().orElseThrow().k6Name()).isEqualTo("key_compromise");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(RevocationReason.class)
        @DisplayName("every RFC 5280 reason maps to its enum constant")
        void everyReason(RevocationReason reason) {
            OcspInfo ocsp = check(response(Answer.revoked(Instant.now(), reason.code())));
            assertThat(ocsp.revocationReason()).contains(reason);
            assertThat(RevocationReason.ofCode(reason.code())).contains(reason);
        }

        @Test
        @DisplayName("UNKNOWN, distinct from NOT_STAPLED")
        void unknown() {
            LoadAssertions.assertThat(check(response(Answer.unknown()))).hasStatus(OcspStatus.UNKNOWN).isStapled();
            LoadAssertions.assertThat(check()).hasStatus(OcspStatus.NOT_STAPLED);
            assertThat(check().source()).isEmpty();
        }

        @Test
        @DisplayName("TLS 1.2's empty entries are skipped; only empty entries means nothing was stapled")
        void emptyEntries() {
            LoadAssertions.assertThat(check(new byte[0], response(Answer.good()), new byte[0]))
                    .hasStatus(OcspStatus.GOOD);
            LoadAssertions.assertThat(check(new byte[0])).hasStatus(OcspStatus.NOT_STAPLED);
        }

        @Test
        @DisplayName("the issuer is found among the trusted CAs when the server does not send it")
        void issuerFromTrust() {
            TestPki direct = OcspFixtures.pki(); // leaves issued by the root itself
            IssuedCertificate server = direct.serverCertificate();
            byte[] good = OcspResponder.response(direct, server, Answer.good());
            OcspChecker trusting = new OcspChecker(OcspSettings.DEFAULT, OcspFixtures.trustManager());
            LoadAssertions.assertThat(trusting.connection(List.of(good), List.of(server.certificate())).get())
                    .hasStatus(OcspStatus.GOOD);
            OcspChecker jdkTrust = new OcspChecker(OcspSettings.DEFAULT, null);
            LoadAssertions.assertThat(jdkTrust.connection(List.of(good), List.of(server.certificate())).get())
                    .hasStatus(OcspStatus.INVALID).hasErrorContaining("neither in the server's chain nor a trusted CA");
        }
    }

    @Nested
    @DisplayName("a responder that failed")
    class Failed {

        @Test
        @DisplayName("tryLater, internalError and unauthorized are SERVER_FAILED, named in the error")
        void unsuccessful() {
            LoadAssertions.assertThat(check(response(Answer.tryLater()))).hasStatus(OcspStatus.SERVER_FAILED)
                    .isStapled().hasErrorContaining("tryLater (3)");
            LoadAssertions.assertThat(check(response(Answer.internalError()))).hasStatus(OcspStatus.SERVER_FAILED)
                    .hasErrorContaining("internalError (2)");
            LoadAssertions.assertThat(check(response(Answer.unauthorized()))).hasStatus(OcspStatus.SERVER_FAILED)
                    .hasErrorContaining("unauthorized (6)");
            assertThat(OcspStatus.SERVER_FAILED.k6Name()).isEqualTo("server_failed");
        }
    }

    @Nested
    @DisplayName("a response that cannot be trusted is INVALID")
    class Invalid {

        @Test
        @DisplayName("a bad signature, as the issuer or as the delegated responder")
        void badSignature() {
            LoadAssertions.assertThat(check(response(Answer.badSignature()))).hasStatus(OcspStatus.INVALID)
                    .isStapled().hasErrorContaining("signature does not verify against the issuer");
            LoadAssertions.assertThat(check(OcspResponder.response(PKI, SERVER, Answer.badSignature(),
                    Signer.DELEGATED))).hasStatus(OcspStatus.INVALID)
                    .hasErrorContaining("signature does not verify against the delegated responder");
        }

        @Test
        @DisplayName("a response about another certificate")
        void anotherCertificate() {
            LoadAssertions.assertThat(check(response(Answer.forAnotherCertificate()))).hasStatus(OcspStatus.INVALID)
                    .hasErrorContaining("about another certificate")
                    .hasErrorContaining(SERVER.serialNumber().toString(16));
        }

        @Test
        @DisplayName("a response signed by another PKI's CA")
        void anotherIssuer() {
            TestPki other = OcspFixtures.pki();
            IssuedCertificate stranger = other.serverCertificate();
            OcspInfo ocsp = check(OcspResponder.response(other, stranger, Answer.good()));
            LoadAssertions.assertThat(ocsp).hasStatus(OcspStatus.INVALID);
        }

        @Test
        @DisplayName("an out-of-date response (nextUpdate has passed)")
        void stale() {
            LoadAssertions.assertThat(check(response(Answer.stale()))).hasStatus(OcspStatus.INVALID)
                    .hasErrorContaining("out of date");
        }

        @Test
        @DisplayName("bytes that are not an OCSP response")
        void garbage() {
            LoadAssertions.assertThat(check(new byte[] {0x30, 0x03, 0x0a, 0x01})).hasStatus(OcspStatus.INVALID)
                    .hasErrorContaining("not a DER OCSP response");
            assertThat(OcspStatus.INVALID.k6Name()).isEqualTo("invalid");
            assertThat(OcspStatus.NOT_STAPLED.k6Name()).isEqualTo("not_stapled");
        }
    }

    @Nested
    @DisplayName("once per connection")
    class Once {

        @Test
        @DisplayName("a connection's responses are parsed on first use only, even when 32 threads ask at once")
        void parsedOnce() throws Exception {
            OcspChecker checker = new OcspChecker(OcspSettings.DEFAULT, null);
            var connection = checker.connection(List.of(response(Answer.good())), CHAIN);
            assertThat(checker.parsedResponses()).isZero();
            List<Future<OcspInfo>> answers = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 32; i++) {
                    answers.add(threads.submit(connection::get));
                }
            }
            OcspInfo first = answers.getFirst().get();
            for (Future<OcspInfo> answer : answers) {
                assertThat(answer.get()).isSameAs(first);
            }
            assertThat(checker.parsedResponses()).isEqualTo(1);
            assertThat(first.source()).contains(OcspSource.STAPLED);
        }
    }
}
