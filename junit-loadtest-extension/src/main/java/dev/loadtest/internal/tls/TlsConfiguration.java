package dev.loadtest.internal.tls;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.extension.ExtensionContext;

import dev.loadtest.internal.config.ConfigurationException;
import dev.loadtest.internal.config.LoadPlan;
import dev.loadtest.internal.ocsp.OcspPolicyParser;
import dev.loadtest.internal.ocsp.OcspSettings;
import dev.loadtest.tls.ClientCertificate;
import dev.loadtest.tls.OcspPolicy;
import dev.loadtest.tls.TlsPolicy;
import dev.loadtest.tls.TlsTrust;

/**
 * Reads and validates a test's {@link TlsPolicy}, {@link ClientCertificate}s and {@link TlsTrust} before any load
 * starts: every file is read, every key decrypted and matched, every name checked against the JDK. Fails with a
 * {@link ConfigurationException}.
 */
public final class TlsConfiguration {

    private TlsConfiguration() {
    }

    /** {@code plan} with the test's TLS settings, and the summary warning they call for. */
    public static LoadPlan apply(LoadPlan plan, Method method, ExtensionContext context) {
        TlsSettings tls = read(TlsAnnotations.of(method, context), context::getConfigurationParameter);
        if (tls.equals(TlsSettings.DEFAULT)) {
            return plan;
        }
        return plan.withClient(plan.client().withTls(tls), tls.summaryWarning().stream().toList());
    }

    static TlsSettings read(TlsAnnotations annotations, Function<String, Optional<String>> config) {
        TlsSources sources = new TlsSources(config);
        TlsPolicyParser.Policy policy = annotations.nearest(TlsPolicy.class)
                .map(d -> TlsPolicyParser.parse(d.annotation(), d.where()))
                .orElse(new TlsPolicyParser.Policy(List.of(), List.of()));
        X509ExtendedKeyManager keys = new ClientCertificateReader(sources).read(annotations.levels(
                ClientCertificate.class)).orElse(null);
        Optional<TlsAnnotations.Declared<TlsTrust>> trust = annotations.nearest(TlsTrust.class);
        X509TrustManager trustManager = trust.map(d -> new TrustReader(sources).read(d.annotation(), d.where()))
                .orElse(null);
        String warning = trust.filter(d -> d.annotation().insecureSkipTlsVerify())
                .map(d -> "WARNING: insecureSkipTlsVerify = true (@TlsTrust on " + d.where() + "): server"
                        + " certificates and host names are NOT verified")
                .orElse(null);
        OcspSettings ocsp = annotations.nearest(OcspPolicy.class)
                .map(d -> OcspPolicyParser.parse(d.annotation(), d.where()))
                .orElseGet(() -> OcspPolicyParser.fromConfiguration(config));
        return new TlsSettings(policy.protocols(), policy.cipherSuites(), keys, trustManager, warning, ocsp);
    }
}
