package dev.loadtest.internal.http;

/** The VU-level tags a request carries: scenario and current group. */
public interface VuTags {

    String scenario();

    /** k6's group path, e.g. {@code ::checkout::pay}; empty at the root. */
    String groupPath();
}
