package dev.loadtest.internal.http;

import java.net.URI;

import dev.loadtest.internal.metrics.HttpSinks;
import dev.loadtest.internal.metrics.MetricRegistry;
import dev.loadtest.internal.metrics.TagSet;

/**
 * One VU's way to the sinks of a request's tag set: the last request's sinks when the tags are the same (a VU
 * usually repeats itself; compared field by field, identity first), else the registry's, by the full tag set.
 * Not thread-safe: one per VU.
 */
public final class RequestSinks {

    private final MetricRegistry registry;
    private final VuTags vu;
    private Key lastKey;
    private HttpSinks lastSinks;

    public RequestSinks(MetricRegistry registry, VuTags vu) {
        this.registry = registry;
        this.vu = vu;
    }

    /** The sinks for a request with these tags ({@code null} for a tag the request does not have). */
    public HttpSinks of(String method, int status, String name, URI uri, String proto, boolean expected,
            String errorCode, String tlsVersion, String ocspStatus) {
        String group = vu.groupPath();
        if (lastKey != null && lastKey.matches(method, status, name, uri, proto, expected, errorCode, tlsVersion,
                ocspStatus, group)) {
            return lastSinks;
        }
        TagSet tags = TagSet.of("method", method, "status", String.valueOf(status), "name", name, "url",
                uri.toString(), "proto", proto.isEmpty() ? null : proto, "scenario", vu.scenario(), "group",
                group, "expected_response", String.valueOf(expected), "error_code", errorCode,
                "tls_version", tlsVersion, "ocsp_status", ocspStatus);
        HttpSinks sinks = registry.http(tags);
        lastKey = new Key(method, status, name, uri, proto, expected, errorCode, tlsVersion, ocspStatus, group);
        lastSinks = sinks;
        return sinks;
    }

    private record Key(String method, int status, String name, URI uri, String proto, boolean expected,
            String errorCode, String tlsVersion, String ocspStatus, String group) {

        boolean matches(String m, int st, String n, URI u, String p, boolean e, String ec, String tv, String os,
                String g) {
            return status == st && expected == e && same(method, m) && same(name, n) && (uri == u || uri.equals(u))
                    && same(proto, p) && same(errorCode, ec) && same(tlsVersion, tv) && same(ocspStatus, os)
                    && same(group, g);
        }

        private static boolean same(String a, String b) {
            return a == b || (a != null && a.equals(b));
        }
    }
}
