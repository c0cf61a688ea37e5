package dev.loadtest.assertions;

import dev.loadtest.LoadResponse;
import dev.loadtest.tls.CertificateInfo;
import dev.loadtest.tls.OcspInfo;
import dev.loadtest.tls.TlsInfo;

/**
 * Entry point of the AssertJ assertions for {@link LoadResponse}, {@link TlsInfo}, {@link CertificateInfo} and
 * {@link OcspInfo}.
 */
public class LoadAssertions {

    /** For subclasses that add entry points of their own. */
    protected LoadAssertions() {
    }

    /** Assertions on a response: status, version, TLS facts, timings, transport and TLS errors. */
    public static LoadResponseAssert assertThat(LoadResponse actual) {
        return new LoadResponseAssert(actual);
    }

    /** Assertions on a connection's TLS facts. */
    public static TlsInfoAssert assertThat(TlsInfo actual) {
        return new TlsInfoAssert(actual);
    }

    /** Assertions on a certificate's facts. */
    public static CertificateInfoAssert assertThat(CertificateInfo actual) {
        return new CertificateInfoAssert(actual);
    }

    /** Assertions on a connection's OCSP status. */
    public static OcspInfoAssert assertThat(OcspInfo actual) {
        return new OcspInfoAssert(actual);
    }
}
