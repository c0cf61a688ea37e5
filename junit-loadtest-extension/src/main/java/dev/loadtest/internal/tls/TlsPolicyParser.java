package dev.loadtest.internal.tls;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

import dev.loadtest.internal.config.ConfigurationException;
import dev.loadtest.tls.TlsPolicy;
import dev.loadtest.tls.TlsVersion;

/**
 * Turns a {@link TlsPolicy} into the protocol and cipher suite lists to offer, checked against what this JDK
 * supports and enables, and tried on a client hello, so that nothing surprises the first request.
 */
final class TlsPolicyParser {

    private static final String AT = "@TlsPolicy";

    /**
     * @param protocols JDK version names
     * @param cipherSuites suite names
     */
    record Policy(List<String> protocols, List<String> cipherSuites) {
    }

    private TlsPolicyParser() {
    }

    static Policy parse(TlsPolicy policy, String where) {
        SSLParameters supported;
        SSLParameters enabled;
        try {
            SSLContext jdk = SSLContext.getDefault();
            supported = jdk.getSupportedSSLParameters();
            enabled = jdk.getDefaultSSLParameters();
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(AT + " on " + where + ": the JDK's default TLS context is not"
                    + " available to check the policy against: " + e);
        }
        List<String> protocols = protocols(policy, where, Arrays.asList(supported.getProtocols()),
                Arrays.asList(enabled.getProtocols()));
        List<String> suites = suites(policy, where, Arrays.asList(supported.getCipherSuites()),
                Arrays.asList(enabled.getCipherSuites()));
        tryClientHello(protocols, suites, where);
        return new Policy(protocols, suites);
    }

    private static List<String> protocols(TlsPolicy policy, String where, List<String> supported,
            List<String> enabled) {
        TlsVersion min = policy.minVersion();
        TlsVersion max = policy.maxVersion();
        List<TlsVersion> versions;
        boolean explicit = policy.versions().length > 0;
        if (explicit) {
            if (min != TlsVersion.TLS_1_2 || max != TlsVersion.TLS_1_3) {
                throw new ConfigurationException(AT + " on " + where + ": versions and minVersion/maxVersion cannot"
                        + " both be set: give either the set of versions or the range");
            }
            versions = List.copyOf(new LinkedHashSet<>(Arrays.asList(policy.versions())));
        } else {
            if (min.compareTo(max) > 0) {
                throw new ConfigurationException(AT, "minVersion", min.name(), where,
                        "a version no higher than maxVersion (" + max.name() + ")");
            }
            versions = Arrays.stream(TlsVersion.values())
                    .filter(v -> v.compareTo(min) >= 0 && v.compareTo(max) <= 0).toList();
        }
        List<String> enabledNames = enabled.stream().map(n -> TlsVersion.ofJdkName(n).map(Enum::name).orElse(n))
                .toList();
        List<String> names = new ArrayList<>();
        for (TlsVersion v : versions) {
            String attribute = explicit ? "versions" : v == max ? "maxVersion" : "minVersion";
            if (!supported.contains(v.jdkName())) {
                throw new ConfigurationException(AT, attribute, v.name(), where,
                        "a version this JDK supports; it enables " + enabledNames);
            }
            if (!enabled.contains(v.jdkName())) {
                throw new ConfigurationException(AT, attribute, v.name(), where, v.jdkName() + " is disabled on"
                        + " this JDK (jdk.tls.disabledAlgorithms or jdk.tls.client.protocols); it enables "
                        + enabledNames);
            }
            names.add(v.jdkName());
        }
        return explicit || min != TlsVersion.TLS_1_2 || max != TlsVersion.TLS_1_3 ? List.copyOf(names) : List.of();
    }

    private static List<String> suites(TlsPolicy policy, String where, List<String> supported,
            List<String> enabled) {
        Set<String> suites = new LinkedHashSet<>();
        for (String s : policy.cipherSuites()) {
            String name = s.strip();
            if (!supported.contains(name)) {
                throw new ConfigurationException(AT, "cipherSuites", s, where,
                        "a cipher suite this JDK supports and enables, by its standard name, one of " + enabled);
            }
            if (!enabled.contains(name)) {
                throw new ConfigurationException(AT, "cipherSuites", s, where, name + " is disabled on this JDK"
                        + " (jdk.tls.disabledAlgorithms); it enables " + enabled);
            }
            suites.add(name);
        }
        return List.copyOf(suites);
    }

    /** Makes a client hello with the policy, as the first request would: the JDK refuses what cannot work. */
    private static void tryClientHello(List<String> protocols, List<String> suites, String where) {
        if (protocols.isEmpty() && suites.isEmpty()) {
            return;
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, null, null);
            SSLEngine engine = context.createSSLEngine("tls-policy.invalid", 443);
            engine.setUseClientMode(true);
            SSLParameters parameters = context.getDefaultSSLParameters();
            if (!protocols.isEmpty()) {
                parameters.setProtocols(protocols.toArray(String[]::new));
            }
            if (!suites.isEmpty()) {
                parameters.setCipherSuites(suites.toArray(String[]::new));
            }
            engine.setSSLParameters(parameters);
            engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
        } catch (SSLException e) {
            throw new ConfigurationException(AT + " on " + where + ": versions "
                    + (protocols.isEmpty() ? "(the JDK's)" : protocols) + " and cipherSuites "
                    + (suites.isEmpty() ? "(the JDK's)" : suites) + " leave the client nothing to offer (the JDK"
                    + " says: " + e.getMessage() + "): TLS 1.3 needs a TLS 1.3 suite such as"
                    + " TLS_AES_128_GCM_SHA256, TLS 1.2 a TLS 1.2 suite such as"
                    + " TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(AT + " on " + where + ": cannot try the policy on a client hello: " + e);
        }
    }
}
