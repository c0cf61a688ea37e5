package dev.loadtest.assertions;

import dev.loadtest.tls.CertificateInfo;

/** Assertions on a {@link CertificateInfo}; see {@link AbstractCertificateInfoAssert}. */
public class CertificateInfoAssert extends AbstractCertificateInfoAssert<CertificateInfoAssert> {

    public CertificateInfoAssert(CertificateInfo actual) {
        super(actual, CertificateInfoAssert.class);
    }
}
