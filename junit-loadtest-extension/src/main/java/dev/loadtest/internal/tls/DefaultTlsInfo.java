package dev.loadtest.internal.tls;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import dev.loadtest.internal.ocsp.ConnectionOcsp;
import dev.loadtest.internal.ocsp.OcspChecker;
import dev.loadtest.tls.CertificateInfo;
import dev.loadtest.tls.OcspInfo;
import dev.loadtest.tls.TlsInfo;
import dev.loadtest.tls.TlsVersion;

/**
 * The TLS facts of one connection, read once from its session. The stapled OCSP responses
 * ({@link ExtendedSSLSession#getStatusResponses()}, which the timing session passes through) are only kept here;
 * {@link #ocsp()} checks them on first use, once per connection.
 */
record DefaultTlsInfo(String protocol, String cipherSuite, String alpn, String peerHost,
        List<CertificateInfo> peerCertificates, ConnectionOcsp connectionOcsp) implements TlsInfo {

    static DefaultTlsInfo read(SSLSession session, String alpn, String peerHost, OcspChecker ocsp) {
        List<CertificateInfo> chain = new ArrayList<>();
        try {
            for (Certificate c : session.getPeerCertificates()) {
                if (c instanceof X509Certificate x) {
                    chain.add(CertificateInfo.of(x));
                }
            }
        } catch (SSLPeerUnverifiedException e) {
            // anonymous suites only, which every current JDK disables: no chain
        }
        List<byte[]> stapled = session instanceof ExtendedSSLSession e ? e.getStatusResponses() : List.of();
        return new DefaultTlsInfo(session.getProtocol(), session.getCipherSuite(), alpn == null ? "" : alpn,
                peerHost == null ? "" : peerHost, List.copyOf(chain),
                ocsp.connection(stapled, chain.stream().map(CertificateInfo::certificate).toList()));
    }

    @Override
    public OcspInfo ocsp() {
        return connectionOcsp.get();
    }

    @Override
    public TlsVersion version() {
        return TlsVersion.ofJdkName(protocol)
                .orElseThrow(() -> new IllegalStateException("not a TLS version this library names: " + protocol));
    }

    @Override
    public String toString() {
        return protocol + " " + cipherSuite + (alpn.isEmpty() ? "" : " " + alpn) + " to " + peerHost
                + (peerCertificates.isEmpty() ? "" : " (" + peerCertificates.getFirst().subject() + ")");
    }
}
