package dev.loadtest.internal.tls;

import java.security.Principal;
import java.security.cert.Certificate;
import java.util.List;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * The session a {@link TimingSslEngine} hands out: the inner engine's current session, plus the value
 * {@link #TIMING} that leads back to the connection's {@link ConnectionTiming}. java.net.http wraps it in an
 * immutable view, which passes {@link #getValue(String)} through.
 */
final class TimingSslSession extends ExtendedSSLSession {

    /** The session value name under which the connection's timing is found. */
    static final String TIMING = ConnectionTiming.class.getName();

    private final TimingSslEngine engine;

    TimingSslSession(TimingSslEngine engine) {
        this.engine = engine;
    }

    private SSLSession current() {
        return engine.inner().getSession();
    }

    @Override
    public Object getValue(String name) {
        return TIMING.equals(name) ? engine.timing() : current().getValue(name);
    }

    @Override
    public String[] getLocalSupportedSignatureAlgorithms() {
        return current() instanceof ExtendedSSLSession s ? s.getLocalSupportedSignatureAlgorithms() : new String[0];
    }

    @Override
    public String[] getPeerSupportedSignatureAlgorithms() {
        return current() instanceof ExtendedSSLSession s ? s.getPeerSupportedSignatureAlgorithms() : new String[0];
    }

    @Override
    public List<SNIServerName> getRequestedServerNames() {
        return current() instanceof ExtendedSSLSession s ? s.getRequestedServerNames() : List.of();
    }

    @Override
    public List<byte[]> getStatusResponses() {
        return current() instanceof ExtendedSSLSession s ? s.getStatusResponses() : List.of();
    }

    @Override
    public byte[] getId() {
        return current().getId();
    }

    @Override
    public SSLSessionContext getSessionContext() {
        return current().getSessionContext();
    }

    @Override
    public long getCreationTime() {
        return current().getCreationTime();
    }

    @Override
    public long getLastAccessedTime() {
        return current().getLastAccessedTime();
    }

    @Override
    public void invalidate() {
        current().invalidate();
    }

    @Override
    public boolean isValid() {
        return current().isValid();
    }

    @Override
    public void putValue(String name, Object value) {
        current().putValue(name, value);
    }

    @Override
    public void removeValue(String name) {
        current().removeValue(name);
    }

    @Override
    public String[] getValueNames() {
        return current().getValueNames();
    }

    @Override
    public Certificate[] getPeerCertificates() throws SSLPeerUnverifiedException {
        return current().getPeerCertificates();
    }

    @Override
    public Certificate[] getLocalCertificates() {
        return current().getLocalCertificates();
    }

    @Override
    public Principal getPeerPrincipal() throws SSLPeerUnverifiedException {
        return current().getPeerPrincipal();
    }

    @Override
    public Principal getLocalPrincipal() {
        return current().getLocalPrincipal();
    }

    @Override
    public String getCipherSuite() {
        return current().getCipherSuite();
    }

    @Override
    public String getProtocol() {
        return current().getProtocol();
    }

    @Override
    public String getPeerHost() {
        return current().getPeerHost();
    }

    @Override
    public int getPeerPort() {
        return current().getPeerPort();
    }

    @Override
    public int getPacketBufferSize() {
        return current().getPacketBufferSize();
    }

    @Override
    public int getApplicationBufferSize() {
        return current().getApplicationBufferSize();
    }

    @Override
    public String toString() {
        return "TimingSslSession[" + current() + "]";
    }
}
