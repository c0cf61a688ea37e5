package dev.loadtest.internal.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of {@code @ClientCertificate(domains)}: a host name, an IP address, or {@code *.} and a name, which
 * matches exactly one more label. Names compare case-insensitively, IP addresses by value.
 */
record HostPattern(String text, String suffix, boolean wildcard) {

    private static final Pattern LABELS = Pattern.compile(
            "[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\\.?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** The pattern, or empty when {@code text} is not a host name, IP address or {@code *.name}. */
    static Optional<HostPattern> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("*.")) {
            String rest = t.substring(2);
            return LABELS.matcher(rest).matches() && !IPV4.matcher(rest).matches()
                    ? Optional.of(new HostPattern(text, stripDot(rest), true)) : Optional.empty();
        }
        Optional<String> ip = ipLiteral(t);
        if (ip.isPresent()) {
            return Optional.of(new HostPattern(text, ip.get(), false));
        }
        return LABELS.matcher(t).matches() ? Optional.of(new HostPattern(text, stripDot(t), false))
                : Optional.empty();
    }

    boolean matches(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        Optional<String> ip = ipLiteral(h);
        if (ip.isPresent()) {
            return !wildcard && ip.get().equals(suffix);
        }
        h = stripDot(h);
        if (!wildcard) {
            return h.equals(suffix);
        }
        int dot = h.indexOf('.');
        return dot > 0 && h.substring(dot + 1).equals(suffix);
    }

    /** Whether this and {@code other} match the same hosts. */
    boolean sameAs(HostPattern other) {
        return wildcard == other.wildcard && suffix.equals(other.suffix);
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** The canonical form of an IP literal (IPv6 with or without brackets); empty for names. No DNS look-up. */
    private static Optional<String> ipLiteral(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = IPV4.matcher(t).matches();
        boolean v6 = t.indexOf(':') >= 0 && t.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':'
                || c == '.' || c == '%');
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            // A literal is parsed, never looked up.
            return Optional.of(InetAddress.getByName(t).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
