package dev.loadtest.tls;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A client certificate that the virtual users present to the hosts named in {@link #domains()}, for mutual TLS.
 * Repeatable, on a {@code @LoadTest} method or its class.
 *
 * <pre>{@code
 * @ClientCertificate(domains = {"api.example.com", "*.internal.example.com"},
 *         cert = "classpath:tls/client.pem", key = "classpath:tls/client.key", password = "env:CLIENT_KEY_PASSWORD")
 * @ClientCertificate(domains = "127.0.0.1", keyStore = "file:/etc/loadtest/bob.p12", password = "sys:bob.password")
 * }</pre>
 *
 * <p><b>Which certificate:</b> chosen per connection by the host the client connects to (the URI's host, as
 * given). A domain is a host name, an IP address, or {@code *.} followed by a name, which matches exactly one more
 * label ({@code *.example.com} matches {@code a.example.com}, not {@code example.com} nor {@code a.b.example.com}).
 * Entries on the method are consulted before those on the class; the first that names the host wins; naming a host
 * twice on the same element is a configuration error. A host no entry names gets no client certificate. The
 * certificate authorities the server asks for are not consulted, and neither are the JVM-wide
 * {@code javax.net.ssl.keyStore} properties.
 *
 * <p><b>Files:</b> {@code classpath:path/in/jar}, {@code file:/absolute/or/relative} or a plain file path
 * (relative to the working directory). {@link #cert()} holds the certificate and then any intermediates, as PEM
 * (or DER). {@link #key()} is a PEM private key in any of the formats OpenSSL writes: PKCS#8
 * ({@code PRIVATE KEY}), encrypted PKCS#8 ({@code ENCRYPTED PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}), SEC1
 * ({@code EC PRIVATE KEY}), and the legacy OpenSSL encryption ({@code Proc-Type: 4,ENCRYPTED}). Or, instead of both,
 * {@link #keyStore()}: a PKCS#12 (or JKS) file with one private key entry (or name it with {@link #alias()}).
 *
 * <p><b>Passwords</b> stay out of source when given indirectly: {@code env:NAME} reads the environment variable
 * {@code NAME}, {@code sys:NAME} the JUnit configuration parameter or system property {@code NAME}
 * ({@code -DNAME=...} or {@code junit-platform.properties}). Any other text is the password itself, which is fine
 * for throw-away test keys.
 *
 * <p>Every file is read, decrypted and checked (the key must belong to the certificate) before the load starts; a
 * missing file, a wrong password or a key that does not match is a configuration error that names the file, never
 * the password.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(ClientCertificates.class)
public @interface ClientCertificate {

    /** The hosts this certificate is presented to: names, IP addresses or {@code *.domain} wildcards. */
    String[] domains();

    /** The certificate chain file (PEM or DER), leaf first; with {@link #key()}. */
    String cert() default "";

    /** The private key file (PEM); with {@link #cert()}. */
    String key() default "";

    /** A PKCS#12 (or JKS) key store file, instead of {@link #cert()} and {@link #key()}. */
    String keyStore() default "";

    /** The key store entry to use, when {@link #keyStore()} holds more than one private key. */
    String alias() default "";

    /**
     * The password of an encrypted {@link #key()} or of the {@link #keyStore()} (and its key): {@code env:NAME},
     * {@code sys:NAME}, or the password itself; empty for none.
     */
    String password() default "";
}
