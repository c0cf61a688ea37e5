package dev.loadtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable per-request parameters, like k6's params object: the {@code name} tag that groups URLs, headers and
 * a timeout. Each {@code with…} method returns a new instance, so a {@code Params} can be shared by threads.
 *
 * <pre>{@code http.get(uri, Params.name("product").withHeader("Accept", "application/json"))}</pre>
 */
public final class Params {

    /** No parameters. */
    public static final Params NONE = new Params(null, List.of(), null);

    private final String name;
    private final List<String> headers;
    private final Duration timeout;

    private Params(String name, List<String> headers, Duration timeout) {
        this.name = name;
        this.headers = headers;
        this.timeout = timeout;
    }

    /** Parameters with the given {@code name} tag. */
    public static Params name(String name) {
        return NONE.withName(name);
    }

    /** A copy with the {@code name} tag that groups URLs in metrics (defaults to the URL). */
    public Params withName(String name) {
        return new Params(Objects.requireNonNull(name, "name"), headers, timeout);
    }

    /** A copy with one more request header. */
    public Params withHeader(String header, String value) {
        List<String> copy = new ArrayList<>(headers);
        copy.add(Objects.requireNonNull(header, "header"));
        copy.add(Objects.requireNonNull(value, "value"));
        return new Params(name, List.copyOf(copy), timeout);
    }

    /** A copy with a request timeout instead of the test's default. */
    public Params withTimeout(Duration timeout) {
        return new Params(name, headers, Objects.requireNonNull(timeout, "timeout"));
    }

    /** The name tag, if set. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** Headers as alternating names and values. */
    public List<String> headers() {
        return headers;
    }

    /** The timeout, if set. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }
}
