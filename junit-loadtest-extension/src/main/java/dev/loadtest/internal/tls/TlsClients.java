package dev.loadtest.internal.tls;

import java.net.http.HttpClient;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

import dev.loadtest.internal.http.ClientPool.ClientHandle;
import dev.loadtest.internal.ocsp.OcspChecker;

/** Finishes the run's client builders: a timing TLS context per client, the TLS policy, the observer. */
public final class TlsClients {

    private TlsClients() {
    }

    /** The client factory for {@code LoadRunner.run}: its clients share one {@link OcspChecker}. */
    public static Function<HttpClient.Builder, ClientHandle> factory(TlsSettings settings) {
        return factory(settings, new OcspChecker(settings.ocsp(), settings.trustManager()));
    }

    /** A client factory whose clients check OCSP with {@code ocsp} (tests read its counters). */
    public static Function<HttpClient.Builder, ClientHandle> factory(TlsSettings settings, OcspChecker ocsp) {
        TlsConnectionObserver observer = new TlsConnectionObserver(ocsp);
        return builder -> {
            SSLContext context = settings.newContext();
            builder.sslContext(new TimingSslContext(context));
            settings.parameters(context).ifPresent(builder::sslParameters);
            return new ClientHandle(builder.build(), observer);
        };
    }
}
