package dev.loadtest.assertions;

import dev.loadtest.tls.OcspInfo;

/** Assertions on an {@link OcspInfo}; see {@link AbstractOcspInfoAssert}. */
public class OcspInfoAssert extends AbstractOcspInfoAssert<OcspInfoAssert> {

    public OcspInfoAssert(OcspInfo actual) {
        super(actual, OcspInfoAssert.class);
    }
}
