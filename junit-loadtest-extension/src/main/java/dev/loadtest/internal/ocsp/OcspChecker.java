package dev.loadtest.internal.ocsp;

import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

import dev.loadtest.tls.OcspFetch;
import dev.loadtest.tls.OcspInfo;
import dev.loadtest.tls.OcspSource;

/**
 * The OCSP checks of one run: shared by all its clients, it knows the trusted CAs (to find an issuer the server did
 * not send), fetches when the settings ask for it, and caches fetched answers per certificate until their
 * {@code nextUpdate} (failures for {@link #RETRY_AFTER}). Each connection's result is computed once, through
 * {@link #connection(List, List)}; {@link #parsedResponses()} counts the responses checked, for tests.
 */
public final class OcspChecker {

    /** How long a failed or unusable fetch, or an answer without nextUpdate, is reused before asking again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final OcspSettings settings;
    private final X509TrustManager trust;
    private final OcspFetcher fetcher;
    private final ConcurrentMap<Key, CompletableFuture<Cached>> fetched = new ConcurrentHashMap<>();
    private final LongAdder parsed = new LongAdder();
    private final LongAdder fetches = new LongAdder();
    private volatile List<X509Certificate> anchors;

    /**
     * @param trust the run's trust manager, whose CAs may issue server certificates; null for the JDK's default
     */
    public OcspChecker(OcspSettings settings, X509TrustManager trust) {
        this.settings = settings;
        this.trust = trust;
        this.fetcher = new OcspFetcher(settings.fetchTimeout());
    }

    /** The settings this checker applies. */
    public OcspSettings settings() {
        return settings;
    }

    /**
     * The OCSP result of one connection, worked out on first use.
     *
     * @param stapled the session's stapled responses ({@code ExtendedSSLSession.getStatusResponses()})
     * @param chain the server's certificate chain, leaf first
     */
    public ConnectionOcsp connection(List<byte[]> stapled, List<X509Certificate> chain) {
        return new ConnectionOcsp(this, stapled, chain);
    }

    /** How many OCSP responses this checker has parsed and checked (stapled and fetched). */
    public long parsedResponses() {
        return parsed.sum();
    }

    /** How many times this checker asked a responder. */
    public long fetches() {
        return fetches.sum();
    }

    /** Checks what was stapled, else fetches if asked to. Called once per connection. */
    OcspInfo check(List<byte[]> stapled, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            return OcspInfo.notStapled();
        }
        X509Certificate leaf = chain.getFirst();
        Instant now = Instant.now();
        X509Certificate issuer = null;
        OcspInfo first = null;
        for (byte[] response : stapled) {
            if (response == null || response.length == 0) {
                continue; // TLS 1.2 (status_request_v2): an empty entry for each certificate without a response
            }
            issuer = issuer != null ? issuer : issuer(chain);
            // The leaf's response comes first in practice; one about another certificate of the chain is skipped.
            OcspResponseParser.Outcome outcome = parse(response, leaf, issuer, OcspSource.STAPLED, now);
            if (!outcome.forAnotherCertificate()) {
                return outcome.info();
            }
            if (first == null) {
                first = outcome.info();
            }
        }
        if (first != null) {
            return first;
        }
        if (settings.fetch() == OcspFetch.WHEN_NOT_STAPLED) {
            return fetch(chain);
        }
        return OcspInfo.notStapled();
    }

    private OcspResponseParser.Outcome parse(byte[] der, X509Certificate leaf, X509Certificate issuer,
            OcspSource source, Instant now) {
        parsed.increment();
        return OcspResponseParser.parse(der, leaf, issuer, source, now);
    }

    private OcspInfo fetch(List<X509Certificate> chain) {
        X509Certificate leaf = chain.getFirst();
        Optional<URI> responder = OcspFetcher.responder(leaf);
        if (responder.isEmpty()) {
            return OcspInfo.notStapled();
        }
        X509Certificate issuer = issuer(chain);
        if (issuer == null) {
            return OcspInfo.serverFailed(OcspSource.FETCHED, "cannot ask " + responder.get() + ": the issuer of "
                    + leaf.getSubjectX500Principal().getName() + " is neither in the server's chain nor a trusted CA");
        }
        Key key = new Key(leaf.getIssuerX500Principal(), ByteBuffer.wrap(issuer.getPublicKey().getEncoded()),
                leaf.getSerialNumber(), responder.get());
        while (true) {
            CompletableFuture<Cached> entry = fetched.get(key);
            if (entry == null) {
                CompletableFuture<Cached> mine = new CompletableFuture<>();
                if (fetched.putIfAbsent(key, mine) != null) {
                    continue;
                }
                return fetchInto(mine, key, responder.get(), leaf, issuer);
            }
            Cached cached = entry.join();
            if (Instant.now().isBefore(cached.validUntil())) {
                return cached.info();
            }
            fetched.remove(key, entry);
        }
    }

    private OcspInfo fetchInto(CompletableFuture<Cached> slot, Key key, URI responder, X509Certificate leaf,
            X509Certificate issuer) {
        fetches.increment();
        OcspInfo info;
        try {
            info = fetcher.fetch(responder, leaf, issuer,
                    der -> parse(der, leaf, issuer, OcspSource.FETCHED, Instant.now()).info());
        } catch (InterruptedException e) {
            // The run is stopping: answer this connection, and let the next asker try again.
            Thread.currentThread().interrupt();
            info = OcspInfo.serverFailed(OcspSource.FETCHED, "the fetch from " + responder + " was interrupted");
            fetched.remove(key, slot);
        } catch (RuntimeException | Error e) {
            fetched.remove(key, slot);
            slot.completeExceptionally(e);
            throw e;
        }
        slot.complete(new Cached(info, validUntil(info)));
        return info;
    }

    private static Instant validUntil(OcspInfo info) {
        Instant retry = Instant.now().plus(RETRY_AFTER);
        return switch (info.status()) {
            case GOOD, REVOKED, UNKNOWN -> info.nextUpdate().filter(retry::isBefore).orElse(retry);
            default -> retry;
        };
    }

    private X509Certificate issuer(List<X509Certificate> chain) {
        X509Certificate inChain = IssuerLookup.find(chain, List.of());
        return inChain != null ? inChain : IssuerLookup.find(chain, anchors());
    }

    /** The trusted CAs, read on first need (a benign race: every reader gets the same list). */
    private List<X509Certificate> anchors() {
        List<X509Certificate> a = anchors;
        if (a == null) {
            a = trust != null ? List.of(trust.getAcceptedIssuers()) : jdkAnchors();
            anchors = a;
        }
        return a;
    }

    private static List<X509Certificate> jdkAnchors() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager m : factory.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    return List.of(x.getAcceptedIssuers());
                }
            }
        } catch (GeneralSecurityException e) {
            // no default trust: issuers come from the server's chain only
        }
        return List.of();
    }

    /** A certificate, as OCSP names it, and the responder asked about it. */
    private record Key(X500Principal issuerName, ByteBuffer issuerKey, BigInteger serial, URI responder) {
    }

    private record Cached(OcspInfo info, Instant validUntil) {
    }
}
