package dev.loadtest.internal.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.loadtest.Http;
import dev.loadtest.LoadError;
import dev.loadtest.LoadResponse;
import dev.loadtest.Params;
import dev.loadtest.Timings;
import dev.loadtest.internal.http.ConnectionObserver.ConnectionFacts;
import dev.loadtest.internal.metrics.HttpSinks;
import dev.loadtest.internal.metrics.MetricRegistry;

/** One VU's {@link Http}: sends over the VU's client, measures k6's timings and records the HTTP metrics. */
public final class VuHttp implements Http {

    private final ClientPool.ClientHandle handle;
    private final ClientSettings settings;
    private final RequestSinks requestSinks;
    /** This VU's HTTPS responses and new TLS connections not yet reported to the client's {@link AutoExecutor}. */
    private int unreportedResponses;
    private int unreportedHandshakes;

    public VuHttp(ClientPool.ClientHandle handle, ClientSettings settings, MetricRegistry registry, VuTags vu) {
        this.handle = handle;
        this.settings = settings;
        this.requestSinks = new RequestSinks(registry, vu);
    }

    @Override
    public LoadResponse request(String method, URI uri, String body, Params params) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).method(method, publisher);
        List<String> headers = params.headers();
        for (int i = 0; i < headers.size(); i += 2) {
            builder.header(headers.get(i), headers.get(i + 1));
        }
        return exchange(withDefaults(builder, isPlain(uri), true, params).build(), params);
    }

    @Override
    public LoadResponse send(HttpRequest request, Params params) {
        return exchange(prepare(request, params), params);
    }

    private LoadResponse exchange(HttpRequest effective, Params params) {
        TimingBodyHandler handler = new TimingBodyHandler(settings.discardBodies());
        long start = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = handle.client().send(effective, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestInterruptedException(e);
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new RequestInterruptedException(new InterruptedException(e.getMessage()));
            }
            return failed(effective, params, start, ErrorClassifier.classify(e));
        }
        long end = handler.completedAt != 0 ? handler.completedAt : System.nanoTime();
        long headersAt = handler.headersAt != 0 ? handler.headersAt : end;
        ConnectionFacts facts = handle.observer().observe(response);
        if (handle.auto() != null && facts.tls() != null) {
            report(handle.auto(), facts.newConnection());
        }
        long blocked = 0;
        long connecting = 0;
        long tls = 0;
        long sendStart = start;
        if (facts.newConnection()) {
            blocked = clamp(facts.connectStart() - start);
            connecting = clamp(facts.connectEnd() - facts.connectStart());
            tls = clamp(facts.handshakeEnd() - facts.connectEnd());
            sendStart = Math.max(start, facts.handshakeEnd());
        }
        long waiting = clamp(headersAt - sendStart);
        long receiving = clamp(end - headersAt);
        int status = response.statusCode();
        boolean failed = !settings.expectedStatuses().contains(status);
        Timings timings = new Timings(nanos(blocked), nanos(connecting), nanos(tls), Duration.ZERO, nanos(waiting),
                nanos(receiving), nanos(waiting + receiving));
        long sent = requestBytes(effective);
        long received = handler.bodyBytes + headerBytes(response.headers()) + 17;
        String proto = response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2.0" : "HTTP/1.1";
        HttpSinks sinks = requestSinks.of(effective.method(), status, name(effective, params), effective.uri(), proto,
                !failed, null, facts.tlsVersion(), ocspStatus(facts));
        sinks.record(blocked / 1000, connecting / 1000, tls / 1000, 0, waiting / 1000, receiving / 1000,
                (waiting + receiving) / 1000, failed, sent, received);
        return responseOf(status, response.headers(), response.body(), response.version(), effective, timings,
                null, failed, facts);
    }

    private void report(AutoExecutor auto, boolean newConnection) {
        unreportedResponses++;
        if (newConnection) {
            unreportedHandshakes++;
        }
        if (unreportedResponses == AutoExecutor.BATCH) {
            auto.report(unreportedResponses, unreportedHandshakes);
            unreportedResponses = 0;
            unreportedHandshakes = 0;
        }
    }

    /** Builds the user-visible response; the TLS layer extends what it carries. */
    private LoadResponse responseOf(int status, HttpHeaders headers, byte[] body, HttpClient.Version version,
            HttpRequest request, Timings timings, LoadError error, boolean failed, ConnectionFacts facts) {
        return new DefaultLoadResponse(status, headers, body, version, request, timings,
                error, failed, facts.tls());
    }

    private LoadResponse failed(HttpRequest request, Params params, long start, LoadError error) {
        long elapsed = clamp(System.nanoTime() - start);
        HttpSinks sinks = requestSinks.of(request.method(), 0, name(request, params), request.uri(), "", false,
                String.valueOf(error.code()), null, null);
        sinks.record(0, 0, 0, 0, elapsed / 1000, 0, elapsed / 1000, true, requestBytes(request), 0);
        Timings timings = new Timings(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, nanos(elapsed),
                Duration.ZERO, nanos(elapsed));
        return responseOf(0, null, null, null, request, timings, error, true, ConnectionFacts.REUSED);
    }

    private HttpRequest prepare(HttpRequest request, Params params) {
        boolean plain = isPlain(request.uri());
        boolean needsTimeout = request.timeout().isEmpty() || params.timeout().isPresent();
        if (!plain && !needsTimeout) {
            return request;
        }
        return withDefaults(HttpRequest.newBuilder(request, (n, v) -> true), plain && request.version().isEmpty(),
                needsTimeout, params).build();
    }

    /**
     * What a request gets unless it says otherwise: HTTP/1.1 over plain http (k6 speaks it there; java.net.http
     * would otherwise try an h2c upgrade) and the request timeout.
     */
    private HttpRequest.Builder withDefaults(HttpRequest.Builder builder, boolean http11, boolean timeout,
            Params params) {
        if (http11) {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        if (timeout) {
            builder.timeout(params.timeout().orElse(settings.requestTimeout()));
        }
        return builder;
    }

    private static boolean isPlain(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme());
    }

    /** The {@code ocsp_status} tag, when the OCSP settings ask for it (which works out the connection's status). */
    private String ocspStatus(ConnectionFacts facts) {
        return facts.tls() != null && settings.tls().ocsp().statusTag() ? facts.tls().ocsp().status().k6Name() : null;
    }

    private static String name(HttpRequest request, Params params) {
        return params.name().orElseGet(() -> request.uri().toString());
    }

    private static long requestBytes(HttpRequest request) {
        URI uri = request.uri();
        long n = request.method().length() + 12L + Objects.toString(uri.getRawPath(), "/").length()
                + (uri.getRawQuery() == null ? 0 : uri.getRawQuery().length() + 1)
                + 8 + Objects.toString(uri.getHost(), "").length();
        n += headerBytes(request.headers());
        return n + request.bodyPublisher().map(HttpRequest.BodyPublisher::contentLength).filter(l -> l > 0)
                .orElse(0L);
    }

    private static long headerBytes(HttpHeaders headers) {
        long n = 2;
        for (Map.Entry<String, List<String>> e : headers.map().entrySet()) {
            for (String v : e.getValue()) {
                n += e.getKey().length() + v.length() + 4;
            }
        }
        return n;
    }

    private static long clamp(long nanos) {
        return Math.max(0, nanos);
    }

    private static Duration nanos(long nanos) {
        return Duration.ofNanos(nanos);
    }
}
