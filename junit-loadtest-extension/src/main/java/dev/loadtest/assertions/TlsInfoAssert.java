package dev.loadtest.assertions;

import dev.loadtest.tls.TlsInfo;

/** Assertions on a {@link TlsInfo}; see {@link AbstractTlsInfoAssert}. */
public class TlsInfoAssert extends AbstractTlsInfoAssert<TlsInfoAssert> {

    public TlsInfoAssert(TlsInfo actual) {
        super(actual, TlsInfoAssert.class);
    }
}
