/**
 * TLS for load tests: the facts every HTTPS response carries ({@link dev.loadtest.tls.TlsInfo},
 * {@link dev.loadtest.tls.CertificateInfo}, the checked OCSP status {@link dev.loadtest.tls.OcspInfo}), and the
 * annotations that configure the virtual users' client: {@link dev.loadtest.tls.TlsPolicy} (versions and cipher
 * suites), {@link dev.loadtest.tls.ClientCertificate} (mutual TLS, per host), {@link dev.loadtest.tls.TlsTrust}
 * (trusted CAs) and {@link dev.loadtest.tls.OcspPolicy} (fetching OCSP responses, the {@code ocsp_status} tag).
 *
 * <p>All of them are read and checked before the load starts, on the {@code @LoadTest} method first, then on its
 * class, its superclasses and, for {@code @Nested} classes, the enclosing classes.
 */
package dev.loadtest.tls;
