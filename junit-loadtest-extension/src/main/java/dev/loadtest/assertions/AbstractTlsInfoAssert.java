package dev.loadtest.assertions;

import org.assertj.core.api.AbstractAssert;

import dev.loadtest.tls.OcspInfo;
import dev.loadtest.tls.OcspStatus;
import dev.loadtest.tls.TlsInfo;
import dev.loadtest.tls.TlsVersion;

/**
 * Assertions on a {@link TlsInfo}: version, cipher suite, ALPN and the server's certificate chain.
 *
 * @param <SELF> the assertion class itself
 */
public abstract class AbstractTlsInfoAssert<SELF extends AbstractTlsInfoAssert<SELF>>
        extends AbstractAssert<SELF, TlsInfo> {

    protected AbstractTlsInfoAssert(TlsInfo actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The connection negotiated this version. */
    public SELF hasVersion(TlsVersion expected) {
        isNotNull();
        if (!actual.protocol().equals(expected.jdkName())) {
            failWithMessage("Expected the connection to %s to use %s, but it used %s", actual.peerHost(),
                    expected.jdkName(), actual.protocol());
        }
        return myself;
    }

    /** The connection negotiated this cipher suite. */
    public SELF hasCipherSuite(String expected) {
        isNotNull();
        if (!actual.cipherSuite().equals(expected)) {
            failWithMessage("Expected the connection to %s to use cipher suite %s, but it used %s",
                    actual.peerHost(), expected, actual.cipherSuite());
        }
        return myself;
    }

    /** The connection agreed on this ALPN protocol, e.g. {@code h2} or {@code http/1.1}. */
    public SELF hasAlpn(String expected) {
        isNotNull();
        if (!actual.alpn().equals(expected)) {
            failWithMessage("Expected the connection to %s to agree on ALPN protocol %s, but it agreed on %s",
                    actual.peerHost(), expected, actual.alpn().isEmpty() ? "none" : actual.alpn());
        }
        return myself;
    }

    /** The server presented a chain of this many certificates (leaf and intermediates). */
    public SELF hasChainLength(int expected) {
        isNotNull();
        if (actual.peerCertificates().size() != expected) {
            failWithMessage("Expected %s to present %s certificates, but it presented %s: %s", actual.peerHost(),
                    expected, actual.peerCertificates().size(),
                    actual.peerCertificates().stream().map(c -> c.subject()).toList());
        }
        return myself;
    }

    /** Assertions on the server's own certificate. */
    public CertificateInfoAssert leaf() {
        isNotNull();
        return new CertificateInfoAssert(actual.leaf());
    }

    /** The OCSP status of the server's certificate is {@code expected}. */
    public SELF hasOcspStatus(OcspStatus expected) {
        isNotNull();
        OcspInfo ocsp = actual.ocsp();
        if (ocsp.status() != expected) {
            failWithMessage("Expected the OCSP status of %s's certificate to be %s, but it was %s", actual.peerHost(),
                    expected, ocsp);
        }
        return myself;
    }

    /** Assertions on the OCSP status of the server's certificate. */
    public OcspInfoAssert ocsp() {
        isNotNull();
        return new OcspInfoAssert(actual.ocsp());
    }
}
