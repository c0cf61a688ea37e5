package dev.loadtest.tls;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which server certificates the virtual users trust, on a {@code @LoadTest} method or its class (the method's
 * replaces the class's as a whole). Without it, the JDK's default trust store is used ({@code cacerts}, or
 * {@code javax.net.ssl.trustStore}).
 *
 * <pre>{@code
 * @TlsTrust(certificates = "classpath:tls/staging-ca.pem")
 * @TlsTrust(trustStore = "file:/etc/loadtest/trust.p12", trustStorePassword = "env:TRUST_PASSWORD")
 * }</pre>
 *
 * <p>File paths and passwords are written as for {@link ClientCertificate}. Host names are always verified
 * against the certificate, unless {@link #insecureSkipTlsVerify()} says otherwise for this test.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface TlsTrust {

    /** Files of trusted CA certificates (PEM, one or more per file, or DER). */
    String[] certificates() default {};

    /** A PKCS#12 (or JKS) trust store whose certificate entries are trusted. */
    String trustStore() default "";

    /** The trust store's password ({@code env:NAME}, {@code sys:NAME}, or the password); empty for none. */
    String trustStorePassword() default "";

    /** Whether the JDK's default trust anchors are trusted too, besides {@link #certificates()} and the store. */
    boolean includeJdkTrust() default false;

    /**
     * Trust any server certificate and skip host name verification, for this test's clients only (the JVM-wide
     * settings are not touched). Shown as a warning in the summary. Cannot be combined with trusted certificates.
     */
    boolean insecureSkipTlsVerify() default false;
}
