package dev.loadtest.tls;

/** Whether the virtual users fetch OCSP responses themselves; see {@link OcspPolicy#fetch()}. */
public enum OcspFetch {

    /** Only stapled responses count, as in k6: a server that staples nothing gives {@link OcspStatus#NOT_STAPLED}. */
    NEVER,

    /**
     * When a server staples nothing, ask the OCSP responder named in its certificate's Authority Information Access
     * (an HTTP POST with a bounded timeout). One answer per certificate is shared by all connections of the run
     * until its {@code nextUpdate}; a responder that fails or cannot be reached gives
     * {@link OcspStatus#SERVER_FAILED}, and is asked again at the earliest 10 seconds later.
     */
    WHEN_NOT_STAPLED
}
