package dev.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.loadtest.fixtures.Pem;
import dev.loadtest.fixtures.TestPki;
import dev.loadtest.tls.ClientCertificate;
import dev.loadtest.tls.TlsPolicy;
import dev.loadtest.tls.TlsTrust;
import dev.loadtest.tls.TlsVersion;

@DisplayName("Every bad TLS input is a configuration error before the load starts")
class TlsConfigurationErrorTests {

    static final AtomicInteger ITERATIONS = new AtomicInteger();
    static final String STRANGER_KEY = "file:" + TlsFixtures.DIR + "stranger-key.pem";
    static final String ALICE_PASSWORD = "sys:" + TlsFixtures.ALICE_PASSWORD_KEY;
    static final String WRONG_PASSWORD = "Wr0ng-Passw0rd";

    @BeforeAll
    static void files() {
        TlsFixtures.alice(); // writes the PKI's files
        Pem.write(Path.of(TlsFixtures.DIR, "stranger-key.pem"),
                Pem.privateKey(TestPki.builder().keyType(TestPki.KeyType.EC_P256).build()
                        .clientCertificate("CN=stranger").privateKey()));
    }

    @BeforeEach
    void reset() {
        ITERATIONS.set(0);
    }

    abstract static class Base {
        @LoadTest(vus = 1, iterations = 1)
        void run(Http http) {
            ITERATIONS.incrementAndGet();
        }
    }

    @TlsPolicy(cipherSuites = "TLS_NOT_A_SUITE")
    static class UnknownSuite extends Base {
    }

    @TlsPolicy(versions = TlsVersion.TLS_1_0)
    static class DisabledVersion extends Base {
    }

    @TlsPolicy(minVersion = TlsVersion.TLS_1_3, maxVersion = TlsVersion.TLS_1_2)
    static class MinAboveMax extends Base {
    }

    @TlsPolicy(versions = TlsVersion.TLS_1_3, minVersion = TlsVersion.TLS_1_3)
    static class VersionsAndRange extends Base {
    }

    @TlsPolicy(versions = TlsVersion.TLS_1_3, cipherSuites = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
    static class NothingToOffer extends Base {
    }

    static class MethodLevelPolicy {
        @LoadTest(vus = 1, iterations = 1)
        @TlsPolicy(cipherSuites = {"TLS_AES_128_GCM_SHA256", "TLS_FAKE_WITH_NOTHING"})
        void run(Http http) {
            ITERATIONS.incrementAndGet();
        }
    }

    @ClientCertificate(domains = "localhost", cert = "file:" + TlsFixtures.DIR + "nope.pem",
            key = TlsFixtures.ALICE_KEY, password = ALICE_PASSWORD)
    static class MissingCertFile extends Base {
    }

    @ClientCertificate(domains = "localhost", keyStore = "classpath:tls-fixtures/nope.p12", password = "x")
    static class MissingClasspathResource extends Base {
    }

    @ClientCertificate(domains = "localhost", cert = TlsFixtures.ALICE_CERT, key = TlsFixtures.ALICE_KEY,
            password = WRONG_PASSWORD)
    static class WrongKeyPassword extends Base {
    }

    @ClientCertificate(domains = "localhost", keyStore = TlsFixtures.BOB_P12, password = WRONG_PASSWORD)
    static class WrongKeyStorePassword extends Base {
    }

    @ClientCertificate(domains = "localhost", cert = TlsFixtures.ALICE_CERT, key = STRANGER_KEY)
    static class KeyMismatch extends Base {
    }

    @ClientCertificate(domains = "localhost", cert = TlsFixtures.ALICE_CERT, key = TlsFixtures.ALICE_KEY)
    static class EncryptedWithoutPassword extends Base {
    }

    @ClientCertificate(domains = "localhost", cert = TlsFixtures.ALICE_KEY, key = TlsFixtures.ALICE_KEY,
            password = ALICE_PASSWORD)
    static class KeyFileAsCertificate extends Base {
    }

    @ClientCertificate(domains = "localhost", cert = TlsFixtures.ALICE_CERT, key = TlsFixtures.ALICE_KEY,
            password = "env:LOADTEST_SURELY_NOT_SET_4711")
    static class MissingEnvironmentVariable extends Base {
    }

    @ClientCertificate(domains = "localhost", keyStore = TlsFixtures.BOB_P12, password = "sys:loadtest.no.such")
    static class MissingSystemProperty extends Base {
    }

    @ClientCertificate(domains = "*.*.example.com", keyStore = TlsFixtures.BOB_P12,
            password = "sys:" + TlsFixtures.BOB_PASSWORD_KEY)
    static class BadDomain extends Base {
    }

    @ClientCertificate(domains = {}, keyStore = TlsFixtures.BOB_P12, password = "sys:" + TlsFixtures.BOB_PASSWORD_KEY)
    static class NoDomains extends Base {
    }

    @ClientCertificate(domains = {"localhost", "api.example.com"}, keyStore = TlsFixtures.BOB_P12,
            password = "sys:" + TlsFixtures.BOB_PASSWORD_KEY)
    @ClientCertificate(domains = "LocalHost", cert = TlsFixtures.ALICE_CERT, key = TlsFixtures.ALICE_KEY,
            password = ALICE_PASSWORD)
    static class DuplicateDomain extends Base {
    }

    @ClientCertificate(domains = "localhost", keyStore = TlsFixtures.BOB_P12, cert = TlsFixtures.ALICE_CERT,
            password = "sys:" + TlsFixtures.BOB_PASSWORD_KEY)
    static class KeyStoreAndCert extends Base {
    }

    @ClientCertificate(domains = "localhost", cert = TlsFixtures.ALICE_CERT)
    static class CertWithoutKey extends Base {
    }

    @ClientCertificate(domains = "localhost", keyStore = TlsFixtures.BOB_P12, alias = "nobody",
            password = "sys:" + TlsFixtures.BOB_PASSWORD_KEY)
    static class UnknownAlias extends Base {
    }

    @TlsTrust(certificates = "file:" + TlsFixtures.DIR + "nope-ca.pem")
    static class MissingTrustFile extends Base {
    }

    @TlsTrust(certificates = TlsFixtures.ALICE_KEY)
    static class TrustFileWithoutCertificates extends Base {
    }

    @TlsTrust(certificates = TlsFixtures.ROOT_PEM, insecureSkipTlsVerify = true)
    static class InsecureWithCertificates extends Base {
    }

    @TlsTrust
    static class EmptyTrust extends Base {
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad(UnknownSuite.class, "@TlsPolicy on class [UnknownSuite]: cipherSuites = 'TLS_NOT_A_SUITE'",
                        "TLS_AES_128_GCM_SHA256"),
                bad(DisabledVersion.class, "@TlsPolicy on class [DisabledVersion]: versions = 'TLS_1_0'",
                        "TLSv1 is disabled on this JDK", "TLS_1_3"),
                bad(MinAboveMax.class, "minVersion = 'TLS_1_3'", "no higher than maxVersion (TLS_1_2)"),
                bad(VersionsAndRange.class, "versions and minVersion/maxVersion cannot both be set"),
                bad(NothingToOffer.class, "[TLSv1.3]", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                        "nothing to offer"),
                bad(MethodLevelPolicy.class, "@TlsPolicy on method [MethodLevelPolicy.run(Http)]",
                        "cipherSuites = 'TLS_FAKE_WITH_NOTHING'"),
                bad(MissingCertFile.class, "@ClientCertificate on class [MissingCertFile]",
                        "cert = 'file:target/tls-fixtures/nope.pem'", "no such file"),
                bad(MissingClasspathResource.class, "keyStore = 'classpath:tls-fixtures/nope.p12'",
                        "no such classpath resource"),
                bad(WrongKeyPassword.class, "key = '" + TlsFixtures.ALICE_KEY + "'", "wrong password"),
                bad(WrongKeyStorePassword.class, "keyStore = '" + TlsFixtures.BOB_P12 + "'", "wrong password"),
                bad(KeyMismatch.class, "key = '" + STRANGER_KEY + "'", "does not belong to the certificate",
                        "CN=alice"),
                bad(EncryptedWithoutPassword.class, "key = '" + TlsFixtures.ALICE_KEY + "'", "is encrypted"),
                bad(KeyFileAsCertificate.class, "cert = '" + TlsFixtures.ALICE_KEY + "'",
                        "[ENCRYPTED PRIVATE KEY] but no CERTIFICATE block"),
                bad(MissingEnvironmentVariable.class, "password = 'env:LOADTEST_SURELY_NOT_SET_4711'",
                        "environment variable [LOADTEST_SURELY_NOT_SET_4711] is not set"),
                bad(MissingSystemProperty.class, "password = 'sys:loadtest.no.such'", "[loadtest.no.such]"),
                bad(BadDomain.class, "domains = '*.*.example.com'", "exactly one label"),
                bad(NoDomains.class, "domains = '{}'", "at least one host"),
                bad(DuplicateDomain.class, "domains = 'LocalHost'", "named twice"),
                bad(KeyStoreAndCert.class, "keyStore and cert/key cannot both be set"),
                bad(CertWithoutKey.class, "key = ''", "private key file"),
                bad(UnknownAlias.class, "alias = 'nobody'"),
                bad(MissingTrustFile.class, "@TlsTrust on class [MissingTrustFile]",
                        "certificates = 'file:target/tls-fixtures/nope-ca.pem'", "no such file"),
                bad(TrustFileWithoutCertificates.class, "certificates = '" + TlsFixtures.ALICE_KEY + "'",
                        "no CERTIFICATE block"),
                bad(InsecureWithCertificates.class, "insecureSkipTlsVerify = true trusts every server"),
                bad(EmptyTrust.class, "@TlsTrust on class [EmptyTrust]: certificates = '{}'"));
    }

    private static Arguments bad(Class<?> fixture, String... fragments) {
        return Arguments.of(fixture.getSimpleName(), fixture, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    @DisplayName("fails before any iteration, naming annotation, attribute, value and what is accepted")
    void configurationError(String name, Class<?> fixture, String[] fragments) {
        EngineExecutionResults results = TestKit.run(fixture, TlsFixtures.passwords());
        results.testEvents().assertStatistics(s -> s.failed(1));
        String message = TestKit.failureMessage(results);
        assertThat(message).startsWith("Configuration error: ").contains(fragments)
                .doesNotContain(WRONG_PASSWORD, TlsFixtures.ALICE_PASSWORD, TlsFixtures.BOB_PASSWORD);
        assertThat(ITERATIONS).hasValue(0);
    }
}
