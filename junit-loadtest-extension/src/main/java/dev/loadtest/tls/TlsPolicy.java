package dev.loadtest.tls;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Restricts the TLS versions and cipher suites the virtual users' client offers, on a {@code @LoadTest} method or
 * its class (the method's policy replaces the class's as a whole).
 *
 * <pre>{@code
 * @LoadTest(vus = 10, duration = "30s")
 * @TlsPolicy(versions = TlsVersion.TLS_1_3, cipherSuites = "TLS_AES_256_GCM_SHA384")
 * void modernOnly(Http http) { ... }
 * }</pre>
 *
 * <p>Either {@link #versions()} or a {@link #minVersion()}..{@link #maxVersion()} range. Cipher suites use the
 * standard names ({@code TLS_AES_128_GCM_SHA256}, {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}); TLS 1.3 suites
 * are honoured too. Every version and suite is checked against what this JDK supports and enables, and the whole
 * policy is tried on a client hello, before the load starts: an unknown or disabled name, or a combination that
 * leaves nothing to offer, is a configuration error, never a failure at the first request. A server that accepts
 * none of what is offered answers with an alert, and the responses fail with it, e.g. {@code protocol_version} or
 * {@code handshake_failure} (see {@link dev.loadtest.LoadError#tlsAlert()}).
 *
 * <p>What is measured: every HTTPS response carries its {@link TlsInfo} and, on the first response over a new
 * connection, {@code connecting} (TCP connect) and {@code tlsHandshaking} timings (see {@link dev.loadtest.Timings}).
 * Plain {@code http://} requests have neither: java.net.http hides its plain sockets, so {@code connecting} is 0
 * there and the time to connect is part of {@code waiting}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface TlsPolicy {

    /** Exactly these versions; empty means the range {@link #minVersion()}..{@link #maxVersion()}. */
    TlsVersion[] versions() default {};

    /** The lowest version offered, when {@link #versions()} is empty. */
    TlsVersion minVersion() default TlsVersion.TLS_1_2;

    /** The highest version offered, when {@link #versions()} is empty. */
    TlsVersion maxVersion() default TlsVersion.TLS_1_3;

    /** Only these cipher suites, in order of preference; empty means the JDK's enabled suites. */
    String[] cipherSuites() default {};
}
