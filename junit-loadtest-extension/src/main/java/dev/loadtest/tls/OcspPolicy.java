package dev.loadtest.tls;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How the virtual users learn the OCSP status of server certificates ({@link TlsInfo#ocsp()}), on a
 * {@code @LoadTest} method or its class (the method's replaces the class's as a whole). Without it, the
 * configuration parameters {@code loadtest.ocsp.fetch} ({@code never} or {@code when_not_stapled}),
 * {@code loadtest.ocsp.fetchTimeout} and {@code loadtest.ocsp.statusTag} apply, else the defaults: stapled
 * responses only, no tag.
 *
 * <pre>{@code
 * @LoadTest(vus = 10, duration = "30s")
 * @OcspPolicy(fetch = OcspFetch.WHEN_NOT_STAPLED, fetchTimeout = "2s", statusTag = true)
 * @Threshold(metric = "http_reqs{ocsp_status:revoked}", condition = "count==0")
 * void notRevoked(Http http) { ... }
 * }</pre>
 *
 * <p>Every response's OCSP status is worked out once per connection, when first asked for (by
 * {@link TlsInfo#ocsp()} or the tag), so fetching and checking never count in the request timings. A stapled
 * response is always checked: its signature against the certificate's issuer (from the server's chain or the
 * trusted CAs) or a responder the issuer authorised, its certificate ID, and its validity period.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface OcspPolicy {

    /** Whether to fetch a response from the certificate's OCSP responder when none is stapled. */
    OcspFetch fetch() default OcspFetch.NEVER;

    /** How long a fetch may take, connecting included, as a k6 duration ({@code 500ms}, {@code 5s}); at most 1m. */
    String fetchTimeout() default "5s";

    /**
     * Whether the HTTP metrics of HTTPS responses carry the tag {@code ocsp_status} ({@link OcspStatus#k6Name()}),
     * so thresholds like {@code http_reqs{ocsp_status:revoked}} work. Off by default; turning it on works out the
     * status of every connection.
     */
    boolean statusTag() default false;
}
