package dev.loadtest.internal.http;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import dev.loadtest.LoadError;
import dev.loadtest.LoadError.Kind;

/** Classifies transport errors with k6's error codes. TLS alert names are matched as substrings. */
public final class ErrorClassifier {

    /**
     * TLS alert names, most specific first (JDK versions word their messages differently); a name that contains
     * another comes before it.
     */
    private static final String[] TLS_ALERTS = {"protocol_version", "handshake_failure", "certificate_required",
        "bad_certificate_status_response", "bad_certificate", "unknown_ca", "certificate_unknown",
        "certificate_expired", "certificate_revoked", "unsupported_certificate", "insufficient_security",
        "no_application_protocol", "illegal_parameter", "decrypt_error", "access_denied", "internal_error",
        "unrecognized_name", "missing_extension", "unsupported_extension", "inappropriate_fallback",
        "decode_error", "unexpected_message", "bad_record_mac", "record_overflow"};

    /** The JDK's wording for an alert the peer sent: "Received fatal alert: protocol_version". */
    private static final Pattern RECEIVED_ALERT = Pattern.compile("received fatal alert: ([a-z_0-9]+)");

    private ErrorClassifier() {
    }

    public static LoadError classify(Throwable error) {
        String message = messages(error);
        String lower = message.toLowerCase(Locale.ROOT);
        Throwable tls = find(error, SSLException.class);
        if (tls != null || lower.contains("handshake") || lower.contains("pkix")
                || lower.contains("no subject alternative")) {
            return tlsError(error, message, lower);
        }
        if (find(error, HttpConnectTimeoutException.class) != null) {
            return new LoadError(1211, Kind.TIMEOUT, message, Optional.empty());
        }
        if (find(error, HttpTimeoutException.class) != null) {
            return new LoadError(1050, Kind.TIMEOUT, message, Optional.empty());
        }
        if (find(error, UnresolvedAddressException.class) != null || find(error, UnknownHostException.class) != null) {
            return new LoadError(1101, Kind.DNS, message, Optional.empty());
        }
        if (find(error, ConnectException.class) != null || lower.contains("connection refused")) {
            return new LoadError(1212, Kind.CONNECTION_REFUSED, message, Optional.empty());
        }
        if (lower.contains("reset") || lower.contains("eof") || lower.contains("closed")
                || lower.contains("broken pipe")) {
            return new LoadError(1220, Kind.CONNECTION_RESET, message, Optional.empty());
        }
        if (lower.contains("concurrent streams") || lower.contains("goaway") || lower.contains("http/2")
                || lower.contains("stream")) {
            return new LoadError(1400, Kind.HTTP2, message, Optional.empty());
        }
        if (error instanceof IllegalArgumentException) {
            return new LoadError(1020, Kind.INVALID_URL, message, Optional.empty());
        }
        return new LoadError(1000, Kind.OTHER, message, Optional.empty());
    }

    private static LoadError tlsError(Throwable error, String message, String lower) {
        Optional<String> alert = Optional.empty();
        Matcher received = RECEIVED_ALERT.matcher(lower);
        if (received.find()) {
            alert = Optional.of(received.group(1));
        }
        // Failures this client detected itself: named as RFC 8446 names the cause, which is more telling than the
        // certificate_unknown the JDK sends for all of them (JDK 25 words it "(certificate_unknown) PKIX ...").
        CertPathValidatorException invalid = find(error, CertPathValidatorException.class);
        if (alert.isEmpty() && invalid != null) {
            if (invalid.getReason() == BasicReason.EXPIRED) {
                alert = Optional.of("certificate_expired");
            } else if (invalid.getReason() == BasicReason.REVOKED) {
                alert = Optional.of("certificate_revoked");
            } else if (invalid.getReason() == BasicReason.NOT_YET_VALID
                    || invalid.getReason() == BasicReason.INVALID_SIGNATURE) {
                alert = Optional.of("bad_certificate");
            }
        }
        if (alert.isEmpty() && (find(error, CertPathBuilderException.class) != null
                || lower.contains("unable to find valid certification path"))) {
            alert = Optional.of("unknown_ca");
        }
        for (int i = 0; i < TLS_ALERTS.length && alert.isEmpty(); i++) {
            String name = TLS_ALERTS[i];
            if (lower.contains(name) || lower.contains(name.replace('_', ' '))) {
                alert = Optional.of(name);
            }
        }
        int code = 1300;
        if (lower.contains("no subject alternative") || lower.contains("hostname") || lower.contains("no name matching")) {
            code = 1311;
            alert = alert.or(() -> Optional.of("certificate_unknown"));
        } else if (lower.contains("pkix") || lower.contains("unable to find valid certification path")
                || "unknown_ca".equals(alert.orElse(""))) {
            code = 1310;
        }
        if (alert.isEmpty() && (lower.contains("no appropriate protocol") || lower.contains("protocol is disabled")
                || lower.contains("unsupported protocol"))) {
            alert = Optional.of("protocol_version");
        }
        if (alert.isEmpty() && (lower.contains("no negotiable cipher") || lower.contains("no appropriate cipher"))) {
            alert = Optional.of("handshake_failure");
        }
        return new LoadError(code, Kind.TLS, message, alert);
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** All messages of the cause chain, joined, so substrings from any level can be matched. */
    static String messages(Throwable error) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable t = error; t != null && depth < 10; t = t.getCause(), depth++) {
            String m = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
            if (sb.indexOf(m) >= 0) {
                continue; // causes often repeat their wrapper's message
            }
            if (!sb.isEmpty()) {
                sb.append(": ");
            }
            sb.append(m);
        }
        return sb.toString();
    }
}
