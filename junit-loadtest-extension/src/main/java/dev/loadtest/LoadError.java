package dev.loadtest;

import java.util.Optional;

/**
 * A classified transport error, like k6's {@code error} and {@code error_code}.
 *
 * @param code k6's error code, e.g. 1050 for a request timeout or 1212 for a refused connection
 * @param kind the class of error
 * @param message the underlying message
 * @param tlsAlert the TLS alert name for TLS errors (e.g. {@code protocol_version}), if one was found
 */
public record LoadError(int code, Kind kind, String message, Optional<String> tlsAlert) {

    /** Classes of transport error. */
    public enum Kind {
        /** The request timed out. */
        TIMEOUT,
        /** The TCP connection was refused. */
        CONNECTION_REFUSED,
        /** The connection was reset or closed by the peer. */
        CONNECTION_RESET,
        /** The host name could not be resolved. */
        DNS,
        /** The TLS handshake failed. */
        TLS,
        /** An HTTP/2 protocol error. */
        HTTP2,
        /** The URL was invalid. */
        INVALID_URL,
        /** Any other error. */
        OTHER
    }

    /** A short human label such as {@code request timeout (1050)}. */
    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " (" + code + "): " + message
                + tlsAlert.map(a -> " [alert " + a + "]").orElse("");
    }
}
