package dev.loadtest.internal.ocsp;

import java.time.Duration;
import java.util.Objects;

import dev.loadtest.tls.OcspFetch;

/**
 * The validated OCSP settings of a run (from {@link dev.loadtest.tls.OcspPolicy} or configuration parameters).
 *
 * @param fetch whether to fetch when nothing is stapled
 * @param fetchTimeout the bound of one fetch, connecting included
 * @param statusTag whether HTTP metrics carry the {@code ocsp_status} tag
 */
public record OcspSettings(OcspFetch fetch, Duration fetchTimeout, boolean statusTag) {

    /** Stapled responses only, a 5 s fetch timeout (unused), no tag. */
    public static final OcspSettings DEFAULT = new OcspSettings(OcspFetch.NEVER, Duration.ofSeconds(5), false);

    public OcspSettings {
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(fetchTimeout, "fetchTimeout");
    }
}
