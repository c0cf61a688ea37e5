package dev.loadtest.internal.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import dev.loadtest.internal.config.ConfigurationException;
import dev.loadtest.tls.TlsTrust;

/** Reads a {@link TlsTrust} into a trust manager. */
final class TrustReader {

    private static final String AT = "@TlsTrust";

    private final TlsSources sources;

    TrustReader(TlsSources sources) {
        this.sources = sources;
    }

    /** The trust manager, or null for the JDK's default trust. */
    X509TrustManager read(TlsTrust trust, String where) {
        boolean hasOwn = trust.certificates().length > 0 || !trust.trustStore().isBlank();
        if (trust.insecureSkipTlsVerify()) {
            if (hasOwn || trust.includeJdkTrust()) {
                throw new ConfigurationException(AT + " on " + where + ": insecureSkipTlsVerify = true trusts every"
                        + " server, so certificates, trustStore and includeJdkTrust cannot be set with it");
            }
            return new InsecureTrustManager();
        }
        if (!hasOwn) {
            if (trust.includeJdkTrust()) {
                return null;
            }
            throw new ConfigurationException(AT, "certificates", "{}", where, "trusted CA certificate files, a"
                    + " trustStore, includeJdkTrust = true or insecureSkipTlsVerify = true");
        }
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            int n = 0;
            for (String file : trust.certificates()) {
                try {
                    for (X509Certificate c : KeyMaterial.certificates(sources.read(file))) {
                        anchors.setCertificateEntry("trusted-" + n++, c);
                    }
                } catch (TlsInputException e) {
                    throw new ConfigurationException(AT, "certificates", file, where, e.getMessage());
                }
            }
            if (!trust.trustStore().isBlank()) {
                n = addStore(trust, where, anchors, n);
            }
            if (trust.includeJdkTrust()) {
                for (X509Certificate c : jdkAnchors()) {
                    anchors.setCertificateEntry("jdk-" + n++, c);
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            return x509(factory.getTrustManagers());
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigurationException(AT + " on " + where + ": cannot build the trust manager: " + e);
        }
    }

    private int addStore(TlsTrust trust, String where, KeyStore anchors, int n) throws GeneralSecurityException {
        char[] password;
        try {
            password = sources.password(trust.trustStorePassword());
        } catch (TlsInputException e) {
            throw new ConfigurationException(AT, "trustStorePassword", trust.trustStorePassword(), where,
                    e.getMessage());
        }
        KeyStore store;
        try {
            store = KeyMaterial.keyStore(sources.read(trust.trustStore()), password);
        } catch (TlsInputException e) {
            throw new ConfigurationException(AT, "trustStore", trust.trustStore(), where, e.getMessage());
        }
        int before = n;
        for (String alias : Collections.list(store.aliases())) {
            if (store.isCertificateEntry(alias)) {
                Certificate c = store.getCertificate(alias);
                anchors.setCertificateEntry("store-" + n++, c);
            }
        }
        if (n == before) {
            throw new ConfigurationException(AT, "trustStore", trust.trustStore(), where,
                    "a store with trusted certificate entries; this one has none");
        }
        return n;
    }

    private static List<X509Certificate> jdkAnchors() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return List.of(x509(factory.getTrustManagers()).getAcceptedIssuers());
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager m : managers) {
            if (m instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new IllegalStateException("the JDK's trust manager factory made no X509TrustManager");
    }
}
