package dev.loadtest.internal.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Chooses the client certificate by the host the connection goes to: the engine's peer host (key managers see the
 * real engine, created with the host java.net.http connects to). The first entry naming the host wins; a host no
 * entry names gets none. The issuers the server asks for are not consulted.
 */
final class HostKeyManager extends X509ExtendedKeyManager {

    /**
     * A client certificate and the hosts it is for.
     *
     * @param domains the hosts
     * @param key the private key
     * @param chain the certificate chain, leaf first
     * @param source where it came from, for messages
     */
    record Entry(List<HostPattern> domains, PrivateKey key, List<X509Certificate> chain, String source) {
        Entry {
            domains = List.copyOf(domains);
            chain = List.copyOf(chain);
        }
    }

    private static final String ALIAS = "loadtest-client-";

    private final List<Entry> entries;

    HostKeyManager(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The alias of the first entry for {@code host} whose key suits one of {@code keyTypes}, or null. */
    String aliasFor(String host, String[] keyTypes) {
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.domains().stream().anyMatch(d -> d.matches(host))) {
                return suits(e.key(), keyTypes) ? ALIAS + i : null;
            }
        }
        return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return engine == null ? null : aliasFor(engine.getPeerHost(), keyType);
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        if (socket instanceof SSLSocket ssl && ssl.getHandshakeSession() != null) {
            return aliasFor(ssl.getHandshakeSession().getPeerHost(), keyType);
        }
        return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (suits(entries.get(i).key(), new String[] {keyType})) {
                aliases.add(ALIAS + i);
            }
        }
        return aliases.isEmpty() ? null : aliases.toArray(String[]::new);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        Entry e = entry(alias);
        return e == null ? null : e.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        Entry e = entry(alias);
        return e == null ? null : e.key();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }

    private Entry entry(String alias) {
        if (alias == null || !alias.startsWith(ALIAS)) {
            return null;
        }
        try {
            int i = Integer.parseInt(alias.substring(ALIAS.length()));
            return i >= 0 && i < entries.size() ? entries.get(i) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Whether the key can sign for one of the key types the JDK asks for: {@code RSA}, {@code RSASSA-PSS},
     * {@code EC}, {@code EdDSA}, {@code Ed25519}..., sometimes with a suffix such as {@code EC_EC}.
     */
    private static boolean suits(PrivateKey key, String[] keyTypes) {
        if (keyTypes == null) {
            return true;
        }
        String algorithm = normal(key.getAlgorithm());
        for (String keyType : keyTypes) {
            if (keyType == null) {
                continue;
            }
            String type = keyType.contains("_") ? keyType.substring(0, keyType.indexOf('_')) : keyType;
            if (normal(type).equals(algorithm)) {
                return true;
            }
        }
        return false;
    }

    private static String normal(String algorithm) {
        String a = algorithm.toUpperCase(Locale.ROOT);
        return switch (a) {
            case "ECDSA" -> "EC";
            case "ED25519", "ED448" -> "EDDSA";
            default -> a;
        };
    }
}
