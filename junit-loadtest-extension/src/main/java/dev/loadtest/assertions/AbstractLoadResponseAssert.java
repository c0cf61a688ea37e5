package dev.loadtest.assertions;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

import org.assertj.core.api.AbstractAssert;

import dev.loadtest.LoadError;
import dev.loadtest.LoadResponse;
import dev.loadtest.Timings;
import dev.loadtest.tls.OcspInfo;
import dev.loadtest.tls.OcspStatus;
import dev.loadtest.tls.TlsInfo;
import dev.loadtest.tls.TlsVersion;

/**
 * Assertions on a {@link LoadResponse}: status and protocol, transport and TLS failures (alert names match as
 * substrings, since JDK versions word their messages differently), the TLS facts of the connection, and k6's
 * timings. Failure messages name the request and what it got.
 *
 * @param <SELF> the assertion class itself
 */
public abstract class AbstractLoadResponseAssert<SELF extends AbstractLoadResponseAssert<SELF>>
        extends AbstractAssert<SELF, LoadResponse> {

    protected AbstractLoadResponseAssert(LoadResponse actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The response has this HTTP status. */
    public SELF hasStatus(int expected) {
        isNotNull();
        if (actual.status() != expected) {
            failWithMessage("Expected %s to have status %s, but %s", request(), expected, outcome());
        }
        return myself;
    }

    /** The response counts as failed in {@code http_req_failed}: a transport error or an unexpected status. */
    public SELF isFailed() {
        isNotNull();
        if (!actual.failed()) {
            failWithMessage("Expected %s to have failed, but %s", request(), outcome());
        }
        return myself;
    }

    /** The response does not count as failed. */
    public SELF isNotFailed() {
        isNotNull();
        if (actual.failed()) {
            failWithMessage("Expected %s not to have failed, but %s", request(), outcome());
        }
        return myself;
    }

    /** The response came over this HTTP version. */
    public SELF hasVersion(HttpClient.Version expected) {
        isNotNull();
        if (actual.version().filter(expected::equals).isEmpty()) {
            failWithMessage("Expected %s to come over %s, but %s", request(), expected,
                    actual.version().map(v -> "it came over " + v).orElse(outcome()));
        }
        return myself;
    }

    /** The body is exactly this text. */
    public SELF hasBody(String expected) {
        isNotNull();
        if (!actual.body().equals(expected)) {
            failWithMessage("Expected %s to have body%n  \"%s\"%nbut it was%n  \"%s\"%s", request(), expected,
                    actual.body(), actual.error().map(e -> " (" + e + ")").orElse(""));
        }
        return myself;
    }

    /** The body contains this text. */
    public SELF hasBodyContaining(String expected) {
        isNotNull();
        if (!actual.body().contains(expected)) {
            failWithMessage("Expected the body of %s to contain%n  \"%s\"%nbut it was%n  \"%s\"%s", request(),
                    expected, actual.body(), actual.error().map(e -> " (" + e + ")").orElse(""));
        }
        return myself;
    }

    /** The request failed with a transport error of k6's error code, e.g. 1050 for a timeout. */
    public SELF hasErrorCode(int expected) {
        LoadError error = error("error code " + expected);
        if (error.code() != expected) {
            failWithMessage("Expected %s to fail with error code %s, but it failed with %s", request(), expected,
                    error);
        }
        return myself;
    }

    /** The request failed in the TLS handshake (or with a TLS alert right after it). */
    public SELF isTlsFailure() {
        LoadError error = error("a TLS error");
        if (error.kind() != LoadError.Kind.TLS) {
            failWithMessage("Expected %s to fail with a TLS error, but it failed with %s", request(), error);
        }
        return myself;
    }

    /**
     * The request failed with this TLS alert, e.g. {@code protocol_version}, {@code handshake_failure},
     * {@code certificate_required}; matched as a substring of the classified alert or of the message.
     */
    public SELF hasTlsAlert(String expected) {
        LoadError error = error("TLS alert " + expected);
        String wanted = expected.toLowerCase(Locale.ROOT);
        boolean matches = error.kind() == LoadError.Kind.TLS
                && (error.tlsAlert().filter(a -> a.contains(wanted)).isPresent()
                        || error.message().toLowerCase(Locale.ROOT).contains(wanted));
        if (!matches) {
            failWithMessage("Expected %s to fail with TLS alert %s, but it failed with %s", request(), expected,
                    error.tlsAlert().map(a -> "alert " + a + ": " + error).orElse(error.toString()));
        }
        return myself;
    }

    /** The connection negotiated this TLS version. */
    public SELF hasTlsVersion(TlsVersion expected) {
        TlsInfo tls = tlsInfo("TLS version " + expected.jdkName());
        if (!tls.protocol().equals(expected.jdkName())) {
            failWithMessage("Expected %s to use %s, but it used %s", request(), expected.jdkName(), tls.protocol());
        }
        return myself;
    }

    /** The connection negotiated this TLS version, by its JDK name such as {@code TLSv1.3}. */
    public SELF hasTlsVersion(String jdkName) {
        TlsInfo tls = tlsInfo("TLS version " + jdkName);
        if (!tls.protocol().equals(jdkName)) {
            failWithMessage("Expected %s to use %s, but it used %s", request(), jdkName, tls.protocol());
        }
        return myself;
    }

    /** The connection negotiated this cipher suite. */
    public SELF hasCipherSuite(String expected) {
        TlsInfo tls = tlsInfo("cipher suite " + expected);
        if (!tls.cipherSuite().equals(expected)) {
            failWithMessage("Expected %s to use cipher suite %s, but it used %s", request(), expected,
                    tls.cipherSuite());
        }
        return myself;
    }

    /** The connection agreed on this protocol through ALPN, e.g. {@code h2}. */
    public SELF hasAlpn(String expected) {
        TlsInfo tls = tlsInfo("ALPN protocol " + expected);
        if (!tls.alpn().equals(expected)) {
            failWithMessage("Expected %s to agree on ALPN protocol %s, but it agreed on %s", request(), expected,
                    tls.alpn().isEmpty() ? "none" : tls.alpn());
        }
        return myself;
    }

    /** Assertions on the TLS facts of the connection; fails for plain HTTP and failed requests. */
    public TlsInfoAssert tls() {
        return new TlsInfoAssert(tlsInfo("TLS facts"));
    }

    /** Assertions on the server's certificate; fails for plain HTTP and failed requests. */
    public CertificateInfoAssert certificate() {
        return new CertificateInfoAssert(tlsInfo("a server certificate").leaf());
    }

    /** The OCSP status of the server's certificate is {@code expected}, e.g. {@code GOOD}. */
    public SELF hasOcspStatus(OcspStatus expected) {
        OcspInfo ocsp = tlsInfo("OCSP status " + expected).ocsp();
        if (ocsp.status() != expected) {
            failWithMessage("Expected the OCSP status of the certificate behind %s to be %s, but it was %s",
                    request(), expected, ocsp);
        }
        return myself;
    }

    /** Assertions on the OCSP status of the server's certificate; fails for plain HTTP and failed requests. */
    public OcspInfoAssert ocsp() {
        return new OcspInfoAssert(tlsInfo("an OCSP status").ocsp());
    }

    /** This response opened a new TLS connection: its {@code tlsHandshaking} is above 0. */
    public SELF hasTlsHandshake() {
        isNotNull();
        if (actual.timings().tlsHandshaking().isZero()) {
            failWithMessage("Expected %s to have a TLS handshake (a new connection), but its tls_handshaking was 0"
                    + " (a reused connection, plain HTTP or a failed request): %s", request(), outcome());
        }
        return myself;
    }

    /** This response had no TLS handshake of its own: a reused connection. */
    public SELF hasNoTlsHandshake() {
        return timingAtMost("tls_handshaking", Timings::tlsHandshaking, Duration.ZERO);
    }

    /** {@code tls_handshaking} is at most {@code max}. */
    public SELF hasTlsHandshakingAtMost(Duration max) {
        return timingAtMost("tls_handshaking", Timings::tlsHandshaking, max);
    }

    /** {@code tls_handshaking} lies within [{@code min}, {@code max}]. */
    public SELF hasTlsHandshakingBetween(Duration min, Duration max) {
        return timingBetween("tls_handshaking", Timings::tlsHandshaking, min, max);
    }

    /** {@code connecting} is at most {@code max}. */
    public SELF hasConnectingAtMost(Duration max) {
        return timingAtMost("connecting", Timings::connecting, max);
    }

    /** {@code blocked} is at most {@code max}. */
    public SELF hasBlockedAtMost(Duration max) {
        return timingAtMost("blocked", Timings::blocked, max);
    }

    /** {@code waiting} (time to first byte) is at most {@code max}. */
    public SELF hasWaitingAtMost(Duration max) {
        return timingAtMost("waiting", Timings::waiting, max);
    }

    /** {@code duration} (sending + waiting + receiving) is at most {@code max}. */
    public SELF hasDurationAtMost(Duration max) {
        return timingAtMost("duration", Timings::duration, max);
    }

    /** {@code duration} lies within [{@code min}, {@code max}]. */
    public SELF hasDurationBetween(Duration min, Duration max) {
        return timingBetween("duration", Timings::duration, min, max);
    }

    private SELF timingAtMost(String name, Function<Timings, Duration> timing, Duration max) {
        isNotNull();
        Duration value = timing.apply(actual.timings());
        if (value.compareTo(max) > 0) {
            failWithMessage("Expected %s to have %s of at most %s, but it was %s", request(), name, ms(max),
                    ms(value));
        }
        return myself;
    }

    private SELF timingBetween(String name, Function<Timings, Duration> timing, Duration min, Duration max) {
        isNotNull();
        Duration value = timing.apply(actual.timings());
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            failWithMessage("Expected %s to have %s between %s and %s, but it was %s", request(), name, ms(min),
                    ms(max), ms(value));
        }
        return myself;
    }

    private LoadError error(String expected) {
        isNotNull();
        if (actual.error().isEmpty()) {
            failWithMessage("Expected %s to fail with %s, but %s", request(), expected, outcome());
        }
        return actual.error().orElseThrow();
    }

    private TlsInfo tlsInfo(String expected) {
        isNotNull();
        if (actual.tls().isEmpty()) {
            failWithMessage("Expected %s to have %s, but it has no TLS facts: %s", request(), expected,
                    actual.error().isPresent() ? "it failed with " + actual.error().get()
                            : "it was not sent over TLS (status " + actual.status() + ")");
        }
        return actual.tls().orElseThrow();
    }

    /** E.g. {@code GET https://localhost:8443/ok}. */
    protected String request() {
        return actual.method() + " " + actual.uri();
    }

    /** What the request got, in words. */
    protected String outcome() {
        return actual.error().map(e -> "it failed with " + e)
                .orElseGet(() -> "it got status " + actual.status() + (actual.failed() ? " (failed)" : ""));
    }

    private static String ms(Duration d) {
        return String.format(Locale.ROOT, "%.3f ms", d.toNanos() / 1e6);
    }
}
