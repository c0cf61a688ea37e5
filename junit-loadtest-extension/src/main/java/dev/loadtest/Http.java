package dev.loadtest;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * This virtual user's HTTP client, over java.net.http. Every call records k6's HTTP metrics and returns a
 * {@link LoadResponse}; transport errors do not throw: the response has status 0 and an {@link LoadError}.
 */
public interface Http {

    /** Sends a GET request. */
    default LoadResponse get(URI uri) {
        return get(uri, Params.NONE);
    }

    /** Sends a GET request with per-request parameters (name tag, headers, timeout). */
    default LoadResponse get(URI uri, Params params) {
        return request("GET", uri, null, params);
    }

    /** Sends a HEAD request. */
    default LoadResponse head(URI uri) {
        return request("HEAD", uri, null, Params.NONE);
    }

    /** Sends a DELETE request. */
    default LoadResponse delete(URI uri) {
        return request("DELETE", uri, null, Params.NONE);
    }

    /** Sends a POST request with a UTF-8 body. */
    default LoadResponse post(URI uri, String body) {
        return post(uri, body, Params.NONE);
    }

    /** Sends a POST request with a UTF-8 body and per-request parameters. */
    default LoadResponse post(URI uri, String body, Params params) {
        return request("POST", uri, body, params);
    }

    /** Sends a PUT request with a UTF-8 body. */
    default LoadResponse put(URI uri, String body) {
        return request("PUT", uri, body, Params.NONE);
    }

    /** Sends a PATCH request with a UTF-8 body. */
    default LoadResponse patch(URI uri, String body) {
        return request("PATCH", uri, body, Params.NONE);
    }

    /**
     * Sends a request with any method.
     *
     * @param body the UTF-8 body, or {@code null} for none
     */
    LoadResponse request(String method, URI uri, String body, Params params);

    /** Sends a request built by the caller. */
    default LoadResponse send(HttpRequest request) {
        return send(request, Params.NONE);
    }

    /** Sends a request built by the caller, with per-request parameters. */
    LoadResponse send(HttpRequest request, Params params);
}
