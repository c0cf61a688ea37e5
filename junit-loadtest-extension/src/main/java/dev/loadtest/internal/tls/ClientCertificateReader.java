package dev.loadtest.internal.tls;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import dev.loadtest.internal.config.ConfigurationException;
import dev.loadtest.tls.ClientCertificate;

/** Reads and checks {@link ClientCertificate} entries into a {@link HostKeyManager}. */
final class ClientCertificateReader {

    private static final String AT = "@ClientCertificate";

    private final TlsSources sources;

    ClientCertificateReader(TlsSources sources) {
        this.sources = sources;
    }

    /**
     * @param levels the entries of the method, then of each class outwards, each with where it was declared
     * @return the key manager, or empty when there are no entries
     */
    Optional<HostKeyManager> read(List<List<TlsAnnotations.Declared<ClientCertificate>>> levels) {
        List<HostKeyManager.Entry> entries = new ArrayList<>();
        for (List<TlsAnnotations.Declared<ClientCertificate>> level : levels) {
            List<HostPattern> seen = new ArrayList<>();
            for (TlsAnnotations.Declared<ClientCertificate> declared : level) {
                HostKeyManager.Entry entry = entry(declared.annotation(), declared.where());
                for (HostPattern p : entry.domains()) {
                    if (seen.stream().anyMatch(p::sameAs)) {
                        throw new ConfigurationException(AT, "domains", p.text(), declared.where(),
                                "each host in one @ClientCertificate only: it is named twice on the same element");
                    }
                    seen.add(p);
                }
                entries.add(entry);
            }
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(new HostKeyManager(entries));
    }

    private HostKeyManager.Entry entry(ClientCertificate c, String where) {
        List<HostPattern> domains = domains(c, where);
        char[] password = password(c, where);
        if (!c.keyStore().isBlank()) {
            if (!c.cert().isBlank() || !c.key().isBlank()) {
                throw new ConfigurationException(AT + " on " + where + ": keyStore and cert/key cannot both be set:"
                        + " give either a PKCS#12 keyStore or a cert and a key file");
            }
            return fromKeyStore(c, where, domains, password);
        }
        if (!c.alias().isBlank()) {
            throw new ConfigurationException(AT, "alias", c.alias(), where, "an alias only with keyStore");
        }
        if (c.cert().isBlank()) {
            throw new ConfigurationException(AT, "cert", c.cert(), where,
                    "a certificate file (with key) or a keyStore, e.g. cert = \"classpath:tls/client.pem\"");
        }
        if (c.key().isBlank()) {
            throw new ConfigurationException(AT, "key", c.key(), where,
                    "the private key file of cert, e.g. key = \"classpath:tls/client.key\"");
        }
        List<X509Certificate> chain;
        PrivateKey key;
        try {
            chain = KeyMaterial.certificates(sources.read(c.cert()));
        } catch (TlsInputException e) {
            throw new ConfigurationException(AT, "cert", c.cert(), where, e.getMessage());
        }
        try {
            key = KeyMaterial.privateKey(sources.read(c.key()), password);
            KeyMaterial.checkPair(key, chain.getFirst());
        } catch (TlsInputException e) {
            throw new ConfigurationException(AT, "key", c.key(), where, e.getMessage());
        }
        return new HostKeyManager.Entry(domains, key, chain, c.cert());
    }

    private HostKeyManager.Entry fromKeyStore(ClientCertificate c, String where, List<HostPattern> domains,
            char[] password) {
        try {
            KeyStore store = KeyMaterial.keyStore(sources.read(c.keyStore()), password);
            String alias = alias(store, c.alias(), c.keyStore(), where);
            Key key = store.getKey(alias, password);
            Certificate[] chain = store.getCertificateChain(alias);
            if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
                throw new TlsInputException("its entry [" + alias + "] holds no private key with a certificate");
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : chain) {
                certificates.add((X509Certificate) certificate);
            }
            KeyMaterial.checkPair(privateKey, certificates.getFirst());
            return new HostKeyManager.Entry(domains, privateKey, certificates, c.keyStore());
        } catch (TlsInputException e) {
            throw new ConfigurationException(AT, "keyStore", c.keyStore(), where, e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(AT, "keyStore", c.keyStore(), where,
                    "its key cannot be recovered with the password given (wrong password?)");
        }
    }

    private static String alias(KeyStore store, String wanted, String file, String where)
            throws TlsInputException, GeneralSecurityException {
        List<String> keys = new ArrayList<>();
        for (String a : Collections.list(store.aliases())) {
            if (store.isKeyEntry(a)) {
                keys.add(a);
            }
        }
        if (!wanted.isBlank()) {
            if (!keys.contains(wanted)) {
                throw new ConfigurationException(AT, "alias", wanted, where,
                        "the alias of a private key entry of " + file + ": " + keys);
            }
            return wanted;
        }
        if (keys.size() != 1) {
            throw new TlsInputException(keys.isEmpty() ? "it holds no private key entry"
                    : "it holds " + keys.size() + " private key entries " + keys + ": name one with alias");
        }
        return keys.getFirst();
    }

    private static List<HostPattern> domains(ClientCertificate c, String where) {
        if (c.domains().length == 0) {
            throw new ConfigurationException(AT, "domains", "{}", where,
                    "at least one host: a name, an IP address or *.domain, e.g. domains = \"api.example.com\"");
        }
        List<HostPattern> patterns = new ArrayList<>();
        for (String d : c.domains()) {
            patterns.add(HostPattern.parse(d).orElseThrow(() -> new ConfigurationException(AT, "domains", d, where,
                    "a host name, an IP address or *. and a name (the * stands for exactly one label)")));
        }
        return patterns;
    }

    private char[] password(ClientCertificate c, String where) {
        try {
            return sources.password(c.password());
        } catch (TlsInputException e) {
            throw new ConfigurationException(AT, "password", c.password(), where, e.getMessage());
        }
    }
}
