package dev.loadtest.tls;

import java.util.List;

/**
 * The TLS facts of the connection a response came over: protocol version, cipher suite, ALPN protocol and the
 * server's certificate chain. Every HTTPS response carries them (see {@link dev.loadtest.LoadResponse#tls()}),
 * also those on a reused connection; plain HTTP responses and failed requests have none.
 *
 * <pre>{@code
 * TlsInfo tls = res.tls().orElseThrow();
 * tls.version();                  // TlsVersion.TLS_1_3
 * tls.alpn();                     // "h2"
 * tls.leaf().daysUntilExpiry();   // 29
 * tls.ocsp().status();           // OcspStatus.GOOD
 * }</pre>
 */
public interface TlsInfo {

    /** The negotiated protocol version. */
    TlsVersion version();

    /** The JDK's name of the negotiated protocol, e.g. {@code TLSv1.3}: the {@code tls_version} metric tag. */
    default String protocol() {
        return version().jdkName();
    }

    /** The negotiated cipher suite's standard name, e.g. {@code TLS_AES_128_GCM_SHA256}. */
    String cipherSuite();

    /** The protocol agreed through ALPN: {@code h2} or {@code http/1.1}; empty when none was agreed. */
    String alpn();

    /** The host the client connected to, as the URI named it (e.g. {@code localhost} or {@code 127.0.0.1}). */
    String peerHost();

    /** The certificate chain the server presented, leaf first; never empty. */
    List<CertificateInfo> peerCertificates();

    /** The server's own certificate: the first of {@link #peerCertificates()}. */
    default CertificateInfo leaf() {
        return peerCertificates().getFirst();
    }

    /**
     * The OCSP status of the server's certificate: the response the server stapled (or, as {@link OcspPolicy}
     * allows, fetched from its responder), with its signature, certificate ID and validity checked. Worked out once
     * per connection, on the first call; every response over the connection has the same.
     */
    OcspInfo ocsp();
}
