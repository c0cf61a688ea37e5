package dev.loadtest.internal.ocsp;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import dev.loadtest.tls.OcspInfo;

/**
 * The OCSP result of one connection, worked out once, by the first caller of {@link #get()}; concurrent callers
 * (HTTP/2 streams of the same connection) wait for it without holding a lock.
 */
public final class ConnectionOcsp {

    private final OcspChecker checker;
    private final List<byte[]> stapled;
    private final List<X509Certificate> chain;
    private final AtomicReference<CompletableFuture<OcspInfo>> result = new AtomicReference<>();

    ConnectionOcsp(OcspChecker checker, List<byte[]> stapled, List<X509Certificate> chain) {
        this.checker = checker;
        this.stapled = List.copyOf(stapled);
        this.chain = List.copyOf(chain);
    }

    /** The connection's OCSP status. */
    public OcspInfo get() {
        CompletableFuture<OcspInfo> r = result.get();
        if (r == null) {
            CompletableFuture<OcspInfo> mine = new CompletableFuture<>();
            if (result.compareAndSet(null, mine)) {
                try {
                    mine.complete(checker.check(stapled, chain));
                } catch (RuntimeException | Error e) {
                    mine.completeExceptionally(e);
                    throw e;
                }
                return mine.join();
            }
            r = result.get();
        }
        return r.join();
    }

    @Override
    public String toString() {
        CompletableFuture<OcspInfo> r = result.get();
        return r != null && r.isDone() && !r.isCompletedExceptionally() ? r.join().toString() : "OCSP (not yet asked)";
    }
}
