package dev.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.Optional;

import dev.loadtest.tls.TlsInfo;

/** One response of a load test, with k6's timings; status 0 and an {@link #error()} for transport errors. */
public interface LoadResponse {

    /** The HTTP status, or 0 when the request failed before a response arrived. */
    int status();

    /** Response headers (empty on transport errors). */
    HttpHeaders headers();

    /** The body as UTF-8 text (empty when discarded or on errors). */
    String body();

    /** The body bytes (empty when discarded or on errors). */
    byte[] bodyBytes();

    /** The negotiated protocol version, if a response arrived. */
    Optional<HttpClient.Version> version();

    /** The request as sent (with the test's default timeout and, over plain http, HTTP/1.1 applied). */
    HttpRequest request();

    /** The HTTP method. */
    default String method() {
        return request().method();
    }

    /** The requested URI. */
    default URI uri() {
        return request().uri();
    }

    /** k6's timings. */
    Timings timings();

    /** The transport error, if the request failed before a response arrived. */
    Optional<LoadError> error();

    /** Whether this response counts as failed in {@code http_req_failed}: an error or an unexpected status. */
    boolean failed();

    /**
     * The TLS facts of the connection this response came over (version, cipher suite, ALPN, the server's
     * certificates); empty for plain HTTP and for requests that failed before a response arrived (a refused
     * handshake is in {@link #error()}).
     */
    default Optional<TlsInfo> tls() {
        return Optional.empty();
    }
}
