package dev.loadtest.internal.ocsp;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.loadtest.internal.config.ConfigurationException;
import dev.loadtest.internal.config.DurationParser;
import dev.loadtest.tls.OcspFetch;
import dev.loadtest.tls.OcspPolicy;

/** Reads an {@link OcspPolicy}, or the {@code loadtest.ocsp.*} configuration parameters, into {@link OcspSettings}. */
public final class OcspPolicyParser {

    static final String FETCH = "loadtest.ocsp.fetch";
    static final String FETCH_TIMEOUT = "loadtest.ocsp.fetchTimeout";
    static final String STATUS_TAG = "loadtest.ocsp.statusTag";
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);

    private static final String AT = "@OcspPolicy";
    private static final String TIMEOUTS = "a k6 duration above 0 and at most 1m, such as 500ms or 5s";

    private OcspPolicyParser() {
    }

    /** The settings an annotation declares; {@code where} names its place for messages. */
    public static OcspSettings parse(OcspPolicy policy, String where) {
        Duration timeout = DurationParser.parse(policy.fetchTimeout(), AT, "fetchTimeout", where);
        if (timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new ConfigurationException(AT, "fetchTimeout", policy.fetchTimeout(), where, TIMEOUTS);
        }
        return new OcspSettings(policy.fetch(), timeout, policy.statusTag());
    }

    /** The settings of the configuration parameters (JUnit's, falling back to system properties), else defaults. */
    public static OcspSettings fromConfiguration(Function<String, Optional<String>> config) {
        OcspFetch fetch = value(config, FETCH).map(OcspPolicyParser::fetch).orElse(OcspSettings.DEFAULT.fetch());
        Duration timeout = value(config, FETCH_TIMEOUT).map(OcspPolicyParser::timeout)
                .orElse(OcspSettings.DEFAULT.fetchTimeout());
        boolean tag = value(config, STATUS_TAG).map(OcspPolicyParser::bool).orElse(false);
        return new OcspSettings(fetch, timeout, tag);
    }

    private static Optional<String> value(Function<String, Optional<String>> config, String key) {
        return config.apply(key).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static OcspFetch fetch(String value) {
        for (OcspFetch f : OcspFetch.values()) {
            if (f.name().equalsIgnoreCase(value)) {
                return f;
            }
        }
        throw new ConfigurationException("configuration parameter " + FETCH + " = '" + value + "' is not accepted: "
                + Arrays.stream(OcspFetch.values()).map(f -> f.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(" or ")));
    }

    private static Duration timeout(String value) {
        Duration d;
        try {
            d = DurationParser.parse(value, AT, "fetchTimeout", "configuration parameter " + FETCH_TIMEOUT);
        } catch (ConfigurationException e) {
            d = Duration.ZERO;
        }
        if (d.isZero() || d.compareTo(MAX_TIMEOUT) > 0) {
            throw new ConfigurationException("configuration parameter " + FETCH_TIMEOUT + " = '" + value
                    + "' is not accepted: " + TIMEOUTS);
        }
        return d;
    }

    private static boolean bool(String value) {
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        throw new ConfigurationException("configuration parameter " + STATUS_TAG + " = '" + value
                + "' is not accepted: true or false");
    }
}
