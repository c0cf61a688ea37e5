package dev.loadtest.internal.tls;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BiFunction;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * Delegates everything to the real engine and notes, in a {@link ConnectionTiming}, the first wrap and the wrap or
 * unwrap that finishes the handshake. {@link #getSession()} returns a session that leads back to the timing, so a
 * response's {@code sslSession()} identifies its connection even when sessions are resumed.
 *
 * <p>Everything must pass through, SSL parameters above all (java.net.http sets SNI, ALPN and the endpoint
 * identification through them: dropping them silently turns HTTP/2 and host name verification off). Key and trust
 * managers see the inner engine, which carries the same peer host and parameters.
 */
final class TimingSslEngine extends SSLEngine {

    private final SSLEngine inner;
    private final ConnectionTiming timing;
    private final TimingSslSession session;
    private BiFunction<SSLEngine, List<String>, String> selector;

    TimingSslEngine(SSLEngine inner) {
        super(inner.getPeerHost(), inner.getPeerPort());
        this.inner = inner;
        this.timing = new ConnectionTiming(inner);
        this.session = new TimingSslSession(this);
    }

    SSLEngine inner() {
        return inner;
    }

    ConnectionTiming timing() {
        return timing;
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer src, ByteBuffer dst) throws SSLException {
        timing.beforeWrap();
        SSLEngineResult result = inner.wrap(src, dst);
        timing.after(result);
        return result;
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, ByteBuffer dst) throws SSLException {
        timing.beforeWrap();
        SSLEngineResult result = inner.wrap(srcs, dst);
        timing.after(result);
        return result;
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
        timing.beforeWrap();
        SSLEngineResult result = inner.wrap(srcs, offset, length, dst);
        timing.after(result);
        return result;
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer dst) throws SSLException {
        SSLEngineResult result = inner.unwrap(src, dst);
        timing.after(result);
        return result;
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts) throws SSLException {
        SSLEngineResult result = inner.unwrap(src, dsts);
        timing.after(result);
        return result;
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
        SSLEngineResult result = inner.unwrap(src, dsts, offset, length);
        timing.after(result);
        return result;
    }

    @Override
    public Runnable getDelegatedTask() {
        return inner.getDelegatedTask();
    }

    @Override
    public void closeInbound() throws SSLException {
        inner.closeInbound();
    }

    @Override
    public boolean isInboundDone() {
        return inner.isInboundDone();
    }

    @Override
    public void closeOutbound() {
        inner.closeOutbound();
    }

    @Override
    public boolean isOutboundDone() {
        return inner.isOutboundDone();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return inner.getSupportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return inner.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        inner.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return inner.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return inner.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        inner.setEnabledProtocols(protocols);
    }

    @Override
    public SSLSession getSession() {
        return session;
    }

    @Override
    public SSLSession getHandshakeSession() {
        return inner.getHandshakeSession();
    }

    @Override
    public void beginHandshake() throws SSLException {
        inner.beginHandshake();
    }

    @Override
    public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
        return inner.getHandshakeStatus();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        inner.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return inner.getUseClientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        inner.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return inner.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        inner.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return inner.getWantClientAuth();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        inner.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return inner.getEnableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return inner.getSSLParameters();
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
        inner.setSSLParameters(params);
    }

    @Override
    public String getApplicationProtocol() {
        return inner.getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return inner.getHandshakeApplicationProtocol();
    }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
        this.selector = selector;
        inner.setHandshakeApplicationProtocolSelector(
                selector == null ? null : (engine, protocols) -> selector.apply(this, protocols));
    }

    @Override
    public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return selector;
    }

    @Override
    public String getPeerHost() {
        return inner.getPeerHost();
    }

    @Override
    public int getPeerPort() {
        return inner.getPeerPort();
    }

    @Override
    public String toString() {
        return "TimingSslEngine[" + inner + "]";
    }
}
