package dev.loadtest.assertions;

import dev.loadtest.LoadResponse;

/** Assertions on a {@link LoadResponse}; see {@link AbstractLoadResponseAssert}. */
public class LoadResponseAssert extends AbstractLoadResponseAssert<LoadResponseAssert> {

    public LoadResponseAssert(LoadResponse actual) {
        super(actual, LoadResponseAssert.class);
    }
}
