package dev.loadtest.internal.tls;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;

import dev.loadtest.internal.ocsp.OcspSettings;

/**
 * The validated TLS configuration of a run.
 *
 * @param protocols the JDK names of the versions to offer; empty for the JDK's defaults
 * @param cipherSuites the cipher suites to offer; empty for the JDK's defaults
 * @param keyManager chooses client certificates per host; null for none
 * @param trustManager decides which servers are trusted; null for the JDK's default trust store
 * @param warning a warning for the summary (insecureSkipTlsVerify), or null
 * @param ocsp how OCSP statuses are learnt (stapled only, or fetched too) and tagged
 */
public record TlsSettings(List<String> protocols, List<String> cipherSuites, X509ExtendedKeyManager keyManager,
        X509TrustManager trustManager, String warning, OcspSettings ocsp) {

    /** The JDK's defaults: its versions, suites and trust store, and no client certificate. */
    public static final TlsSettings DEFAULT = new TlsSettings(List.of(), List.of(), null, null, null);

    public TlsSettings {
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
        Objects.requireNonNull(ocsp, "ocsp");
    }

    /** Settings with the default OCSP settings (stapled responses only). */
    public TlsSettings(List<String> protocols, List<String> cipherSuites, X509ExtendedKeyManager keyManager,
            X509TrustManager trustManager, String warning) {
        this(protocols, cipherSuites, keyManager, trustManager, warning, OcspSettings.DEFAULT);
    }

    /** A copy with these OCSP settings. */
    public TlsSettings withOcsp(OcspSettings ocsp) {
        return new TlsSettings(protocols, cipherSuites, keyManager, trustManager, warning, ocsp);
    }

    /** The warning for the run's summary, if any. */
    public Optional<String> summaryWarning() {
        return Optional.ofNullable(warning);
    }

    /**
     * A new, initialised context. Each client gets its own, so TLS sessions are resumed within a client (like
     * within a k6 VU), never across clients.
     */
    SSLContext newContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManager == null ? null : new KeyManager[] {keyManager},
                    trustManager == null ? null : new TrustManager[] {trustManager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the TLS context of an HTTP client", e);
        }
    }

    /** The parameters to hand to the client builder, when the policy restricts versions or suites. */
    Optional<SSLParameters> parameters(SSLContext context) {
        if (protocols.isEmpty() && cipherSuites.isEmpty()) {
            return Optional.empty();
        }
        SSLParameters parameters = context.getDefaultSSLParameters();
        if (!protocols.isEmpty()) {
            parameters.setProtocols(protocols.toArray(String[]::new));
        }
        if (!cipherSuites.isEmpty()) {
            parameters.setCipherSuites(cipherSuites.toArray(String[]::new));
        }
        return Optional.of(parameters);
    }
}
