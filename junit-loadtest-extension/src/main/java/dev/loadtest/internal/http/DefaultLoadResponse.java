package dev.loadtest.internal.http;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import dev.loadtest.LoadError;
import dev.loadtest.LoadResponse;
import dev.loadtest.Timings;
import dev.loadtest.tls.TlsInfo;

/** The immutable response handed to users. */
record DefaultLoadResponse(int status, HttpHeaders headers, byte[] content, HttpClient.Version protocol,
        HttpRequest request, Timings timings, LoadError loadError, boolean failed, TlsInfo tlsInfo)
        implements LoadResponse {

    static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, b) -> true);
    private static final byte[] NO_BODY = new byte[0];

    DefaultLoadResponse {
        content = content == null ? NO_BODY : content;
        headers = headers == null ? NO_HEADERS : headers;
    }

    @Override
    public String body() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] bodyBytes() {
        return content.clone();
    }

    @Override
    public Optional<HttpClient.Version> version() {
        return Optional.ofNullable(protocol);
    }

    @Override
    public Optional<LoadError> error() {
        return Optional.ofNullable(loadError);
    }

    @Override
    public Optional<TlsInfo> tls() {
        return Optional.ofNullable(tlsInfo);
    }

    @Override
    public String toString() {
        return request.method() + " " + request.uri() + " -> " + (loadError != null ? "error " + loadError : String.valueOf(status));
    }
}
