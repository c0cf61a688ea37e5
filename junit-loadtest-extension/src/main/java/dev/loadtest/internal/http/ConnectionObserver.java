package dev.loadtest.internal.http;

import java.net.http.HttpResponse;

import dev.loadtest.tls.TlsInfo;

/**
 * Tells, for a response, whether it was the first on a new connection and how long connecting and the TLS
 * handshake took. The TLS layer implements it; plain HTTP has {@link #NONE}: java.net.http hides its sockets.
 */
public interface ConnectionObserver {

    /** Observes nothing. */
    ConnectionObserver NONE = response -> ConnectionFacts.REUSED;

    /** Facts for this response; a connection's timings are handed out once, to the first response using it. */
    ConnectionFacts observe(HttpResponse<?> response);

    /**
     * Connection timings in {@link System#nanoTime()} instants; all zero for a reused connection.
     *
     * @param connectStart when the connection was started
     * @param connectEnd when the TCP connection was established
     * @param handshakeEnd when the TLS handshake finished
     * @param tlsVersion the negotiated TLS version name for the {@code tls_version} tag, or null
     * @param tls the connection's TLS facts for the response, or null for plain HTTP
     */
    record ConnectionFacts(long connectStart, long connectEnd, long handshakeEnd, String tlsVersion, TlsInfo tls) {

        public static final ConnectionFacts REUSED = new ConnectionFacts(0, 0, 0, null, null);

        public boolean newConnection() {
            return connectStart != 0;
        }
    }
}
