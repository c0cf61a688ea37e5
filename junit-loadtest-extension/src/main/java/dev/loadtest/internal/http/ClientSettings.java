package dev.loadtest.internal.http;

import java.time.Duration;

import dev.loadtest.ClientExecutor;
import dev.loadtest.Connections;
import dev.loadtest.internal.config.StatusSet;
import dev.loadtest.internal.tls.TlsSettings;

/**
 * How the run's HTTP clients are built and how responses are judged.
 *
 * @param connections shared pool or one client per VU
 * @param executor java.net.http's executor
 * @param discardBodies whether bodies are discarded
 * @param expectedStatuses statuses that do not count as failed
 * @param requestTimeout default request timeout
 * @param tls TLS versions, suites, client certificates and trust
 */
public record ClientSettings(Connections connections, ClientExecutor executor, boolean discardBodies,
        StatusSet expectedStatuses, Duration requestTimeout, TlsSettings tls) {

    /** Settings with the JDK's TLS defaults. */
    public ClientSettings(Connections connections, ClientExecutor executor, boolean discardBodies,
            StatusSet expectedStatuses, Duration requestTimeout) {
        this(connections, executor, discardBodies, expectedStatuses, requestTimeout, TlsSettings.DEFAULT);
    }

    /** A copy with these TLS settings. */
    public ClientSettings withTls(TlsSettings tls) {
        return new ClientSettings(connections, executor, discardBodies, expectedStatuses, requestTimeout, tls);
    }
}
