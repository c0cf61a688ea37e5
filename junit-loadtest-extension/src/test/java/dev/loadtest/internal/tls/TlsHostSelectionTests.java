package dev.loadtest.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.loadtest.fixtures.IssuedCertificate;
import dev.loadtest.fixtures.TestPki;

@DisplayName("Client certificates are chosen by the host the engine connects to")
class TlsHostSelectionTests {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "localhost, localhost, true",
        "localhost, LOCALHOST, true",
        "localhost, localhost., true",
        "localhost, a.localhost, false",
        "*.example.com, a.example.com, true",
        "*.example.com, A.Example.COM, true",
        "*.example.com, example.com, false",
        "*.example.com, a.b.example.com, false",
        "*.example.com, aexample.com, false",
        "127.0.0.1, 127.0.0.1, true",
        "127.0.0.1, 127.0.0.2, false",
        "::1, 0:0:0:0:0:0:0:1, true",
        "[::1], ::1, true",
        "api.example.com, api.example.com, true",
        "api.example.com, api.example.org, false"})
    void matches(String domain, String host, boolean expected) {
        assertThat(HostPattern.parse(domain)).hasValueSatisfying(p -> assertThat(p.matches(host)).isEqualTo(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*", "*.*.example.com", "a.*.example.com", "*.", "exa mple.com", "-bad.com",
        "*.127.0.0.1", "http://example.com"})
    @DisplayName("rejects what is not a host, an IP address or *.name")
    void rejects(String domain) {
        assertThat(HostPattern.parse(domain)).isEmpty();
    }

    @Test
    @DisplayName("the key manager asks the inner engine's peer host and checks the key type")
    void keyManager() throws Exception {
        TestPki pki = TestPki.create();
        IssuedCertificate alice = pki.clientCertificate("CN=alice");
        IssuedCertificate bob = pki.clientCertificate("CN=bob");
        HostKeyManager manager = new HostKeyManager(List.of(
                new HostKeyManager.Entry(List.of(HostPattern.parse("*.example.com").orElseThrow()),
                        alice.privateKey(), alice.chain(), "alice"),
                new HostKeyManager.Entry(List.of(HostPattern.parse("api.example.com").orElseThrow(),
                        HostPattern.parse("127.0.0.1").orElseThrow()), bob.privateKey(), bob.chain(), "bob")));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, null);

        String forApi = manager.chooseEngineClientAlias(new String[] {"RSA"}, null, engine(context, "api.example.com"));
        assertThat(subject(manager.getCertificateChain(forApi))).isEqualTo("CN=alice"); // first entry wins
        String forIp = manager.chooseEngineClientAlias(new String[] {"EC", "RSA"}, null, engine(context, "127.0.0.1"));
        assertThat(subject(manager.getCertificateChain(forIp))).isEqualTo("CN=bob");
        assertThat(manager.getPrivateKey(forIp)).isEqualTo(bob.privateKey());
        assertThat(manager.chooseEngineClientAlias(new String[] {"RSA"}, null, engine(context, "other.org"))).isNull();
        assertThat(manager.chooseEngineClientAlias(new String[] {"EC"}, null, engine(context, "127.0.0.1")))
                .as("an RSA key cannot answer a request for EC").isNull();
        // Through the timing wrapper: managers see the inner engine, which carries the same peer host.
        TimingSslContext timing = new TimingSslContext(context);
        SSLEngine wrapped = timing.createSSLEngine("x.example.com", 443);
        assertThat(manager.chooseEngineClientAlias(new String[] {"RSA"}, null,
                ((TimingSslEngine) wrapped).inner())).isEqualTo(forApi);
    }

    private static SSLEngine engine(SSLContext context, String host) {
        return context.createSSLEngine(host, 443);
    }

    private static String subject(X509Certificate[] chain) {
        return chain[0].getSubjectX500Principal().getName();
    }
}
