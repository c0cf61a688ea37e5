package dev.loadtest.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.loadtest.fixtures.IssuedCertificate;
import dev.loadtest.fixtures.Pem;
import dev.loadtest.fixtures.TestPki;

@DisplayName("Client keys are read in every format OpenSSL writes, through BouncyCastle")
class ClientCertificateKeyFormatTests {

    private static final char[] PASSWORD = "k3y-pass".toCharArray();
    private static final char[] NONE = new char[0];

    private static final class Keys {
        static final IssuedCertificate RSA = TestPki.create().clientCertificate("CN=rsa");
        static final IssuedCertificate EC = TestPki.builder().keyType(TestPki.KeyType.EC_P256).build()
                .clientCertificate("CN=ec");
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                format("RSA PKCS#8", Keys.RSA, Pem::privateKey, NONE),
                format("RSA encrypted PKCS#8", Keys.RSA, k -> Pem.encryptedPrivateKey(k, PASSWORD), PASSWORD),
                format("RSA PKCS#1", Keys.RSA, Pem::rsaPrivateKey, NONE),
                format("RSA legacy OpenSSL AES-128", Keys.RSA, k -> Pem.legacyEncryptedPrivateKey(k, PASSWORD),
                        PASSWORD),
                format("RSA legacy OpenSSL 3DES", Keys.RSA,
                        k -> Pem.legacyEncryptedPrivateKey(k, PASSWORD, "DES-EDE3-CBC"), PASSWORD),
                format("EC PKCS#8", Keys.EC, Pem::privateKey, NONE),
                format("EC encrypted PKCS#8", Keys.EC, k -> Pem.encryptedPrivateKey(k, PASSWORD), PASSWORD),
                format("EC SEC1", Keys.EC, Pem::ecPrivateKey, NONE),
                format("EC legacy OpenSSL AES-256", Keys.EC,
                        k -> Pem.legacyEncryptedPrivateKey(k, PASSWORD, "AES-256-CBC"), PASSWORD),
                format("EC SEC1 after an EC PARAMETERS block and a certificate", Keys.EC,
                        k -> Pem.certificates(Keys.EC.certificate()) + "-----BEGIN EC PARAMETERS-----\n"
                                + "BggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + Pem.ecPrivateKey(k), NONE));
    }

    private static Arguments format(String name, IssuedCertificate c, Function<PrivateKey, String> pem,
            char[] password) {
        return Arguments.of(name, c, pem.apply(c.privateKey()), password);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    @DisplayName("reads the key as a JDK key that belongs to its certificate")
    void reads(String name, IssuedCertificate certificate, String pem, char[] password) throws Exception {
        PrivateKey key = KeyMaterial.privateKey(pem.getBytes(StandardCharsets.US_ASCII), password);
        assertThat(key.getAlgorithm()).isEqualTo(certificate.privateKey().getAlgorithm());
        if (key instanceof java.security.interfaces.ECPrivateKey ec) { // SEC1 keeps the public point: compare S
            assertThat(ec.getS()).isEqualTo(((java.security.interfaces.ECPrivateKey) certificate.privateKey()).getS());
        } else {
            assertThat(key.getEncoded()).isEqualTo(certificate.privateKey().getEncoded());
        }
        KeyMaterial.checkPair(key, certificate.certificate());
    }

    @Test
    @DisplayName("PKCS#12: the key store opens with its password, and not without")
    void pkcs12() throws Exception {
        byte[] p12 = Keys.EC.toPkcs12(PASSWORD);
        assertThat(KeyMaterial.keyStore(p12, PASSWORD).isKeyEntry(IssuedCertificate.KEY_ALIAS)).isTrue();
        assertThatThrownBy(() -> KeyMaterial.keyStore(p12, "nope".toCharArray()))
                .isInstanceOf(TlsInputException.class).hasMessageContaining("wrong password");
    }

    @Test
    @DisplayName("a wrong password, a missing one and a key of another certificate are told apart")
    void failures() {
        byte[] encrypted = Pem.encryptedPrivateKey(Keys.RSA.privateKey(), PASSWORD).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> KeyMaterial.privateKey(encrypted, "wrong".toCharArray()))
                .isInstanceOf(TlsInputException.class).hasMessageContaining("wrong password");
        assertThatThrownBy(() -> KeyMaterial.privateKey(encrypted, NONE))
                .isInstanceOf(TlsInputException.class).hasMessageContaining("is encrypted");
        assertThatThrownBy(() -> KeyMaterial.checkPair(Keys.EC.privateKey(), Keys.RSA.certificate()))
                .isInstanceOf(TlsInputException.class).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> KeyMaterial.privateKey(Pem.certificates(Keys.RSA.certificate())
                .getBytes(StandardCharsets.US_ASCII), NONE)).hasMessageContaining("holds no private key");
    }

    @Test
    @DisplayName("passwords come from the environment, configuration parameters, or are given as they are")
    void passwords() throws Exception {
        Function<String, Optional<String>> config = key -> "my.password".equals(key) ? Optional.of("from-config")
                : Optional.empty();
        TlsSources sources = new TlsSources(config);
        assertThat(sources.password("sys:my.password")).containsExactly("from-config".toCharArray());
        assertThat(sources.password("plain")).containsExactly("plain".toCharArray());
        assertThat(sources.password("")).isEmpty();
        String anyVariable = System.getenv().keySet().stream().findFirst().orElseThrow();
        assertThat(sources.password("env:" + anyVariable)).containsExactly(System.getenv(anyVariable).toCharArray());
        assertThatThrownBy(() -> sources.password("sys:other")).hasMessageContaining("[other]");
        assertThat(List.of(TlsSources.ENV, TlsSources.SYS)).containsExactly("env:", "sys:");
    }
}
