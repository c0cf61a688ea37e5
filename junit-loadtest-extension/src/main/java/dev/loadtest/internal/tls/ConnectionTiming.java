package dev.loadtest.internal.tls;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLSession;

import dev.loadtest.internal.ocsp.OcspChecker;
import dev.loadtest.tls.TlsInfo;

/**
 * The timing of one TLS connection, kept by its engine: created (java.net.http creates the engine just before the
 * TCP connect), first wrap (connected: the client hello goes out), handshake finished. Handed to exactly one
 * response: the first that {@linkplain #claim() claims} it.
 */
final class ConnectionTiming {

    private static final VarHandle FIRST_WRAP;
    private static final VarHandle HANDSHAKE_END;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            FIRST_WRAP = lookup.findVarHandle(ConnectionTiming.class, "firstWrap", long.class);
            HANDSHAKE_END = lookup.findVarHandle(ConnectionTiming.class, "handshakeEnd", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final long created = System.nanoTime();
    private final SSLEngine engine;
    private volatile long firstWrap;
    private volatile long handshakeEnd;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final AtomicReference<TlsInfo> info = new AtomicReference<>();

    /** @param engine the real engine, whose ALPN protocol and peer host the TLS facts report */
    ConnectionTiming(SSLEngine engine) {
        this.engine = engine;
    }

    void beforeWrap() {
        if (firstWrap == 0) {
            FIRST_WRAP.compareAndSet(this, 0L, System.nanoTime());
        }
    }

    void after(SSLEngineResult result) {
        if (handshakeEnd == 0 && result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            HANDSHAKE_END.compareAndSet(this, 0L, System.nanoTime());
        }
    }

    long firstWrap() {
        return firstWrap;
    }

    long handshakeEnd() {
        return handshakeEnd;
    }

    /** True once, for the first caller: that response gets this connection's timings. */
    boolean claim() {
        return !claimed.get() && claimed.compareAndSet(false, true);
    }

    /**
     * The connection's TLS facts, read from its session on first use. Exactly one instance per connection wins
     * (reading is cheap; a loser is dropped unused), so its OCSP status is worked out once per connection.
     */
    TlsInfo info(SSLSession session, OcspChecker ocsp) {
        TlsInfo i = info.get();
        if (i == null) {
            TlsInfo read = DefaultTlsInfo.read(session, engine.getApplicationProtocol(), engine.getPeerHost(), ocsp);
            i = info.compareAndSet(null, read) ? read : info.get();
        }
        return i;
    }
}
