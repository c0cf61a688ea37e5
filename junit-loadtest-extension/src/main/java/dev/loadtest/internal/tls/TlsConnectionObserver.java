package dev.loadtest.internal.tls;

import java.net.http.HttpResponse;
import java.util.Optional;

import javax.net.ssl.SSLSession;

import dev.loadtest.internal.http.ConnectionObserver;
import dev.loadtest.internal.ocsp.OcspChecker;
import dev.loadtest.tls.TlsInfo;

/**
 * Finds a response's connection through its session and hands out the connection's timings once, to the first
 * response that uses it; every HTTPS response gets the TLS facts.
 */
final class TlsConnectionObserver implements ConnectionObserver {

    private final OcspChecker ocsp;

    /** @param ocsp the run's OCSP checks, which each connection's TLS facts use on demand */
    TlsConnectionObserver(OcspChecker ocsp) {
        this.ocsp = ocsp;
    }

    @Override
    public ConnectionFacts observe(HttpResponse<?> response) {
        Optional<SSLSession> found = response.sslSession();
        if (found.isEmpty()) {
            return ConnectionFacts.REUSED;
        }
        SSLSession session = found.get();
        if (!(session.getValue(TimingSslSession.TIMING) instanceof ConnectionTiming timing)) {
            TlsInfo info = DefaultTlsInfo.read(session, "", response.uri().getHost(), ocsp);
            return new ConnectionFacts(0, 0, 0, info.protocol(), info);
        }
        TlsInfo info = timing.info(session, ocsp);
        if (timing.claim()) {
            return new ConnectionFacts(timing.created, timing.firstWrap(), timing.handshakeEnd(), info.protocol(),
                    info);
        }
        return new ConnectionFacts(0, 0, 0, info.protocol(), info);
    }
}
