package dev.loadtest;

import java.time.Duration;

/**
 * k6's per-request timings. {@code duration = sending + waiting + receiving}; {@code blocked} is time spent
 * waiting for a client or stream slot before the request could start and, unlike k6, never overlaps
 * {@code connecting} or {@code tlsHandshaking}. On a reused connection {@code connecting} and
 * {@code tlsHandshaking} are zero; a new connection's handshake is attributed to the first response that used it.
 *
 * <p>What can be measured: over HTTPS, the client's TLS layer sees each new connection, so {@code blocked} (until
 * the connection is started), {@code connecting} (from then until the TCP connection is up and the client hello
 * goes out, including any DNS look-up) and {@code tlsHandshaking} (until the handshake is done) are measured per
 * connection. Over plain {@code http://}, java.net.http opens its sockets out of sight: {@code blocked},
 * {@code connecting} and {@code tlsHandshaking} are 0 there, and the time to connect is part of {@code waiting}.
 * {@code sending} is 0 either way: java.net.http reports no end of sending, so it is counted in {@code waiting}.
 *
 * @param blocked time waiting before the request could be sent
 * @param connecting time establishing the TCP connection (HTTPS only: java.net.http hides plain sockets)
 * @param tlsHandshaking time of the TLS handshake
 * @param sending time sending the request
 * @param waiting time to first byte after sending (TTFB)
 * @param receiving time receiving the response body
 * @param duration sending + waiting + receiving
 */
public record Timings(Duration blocked, Duration connecting, Duration tlsHandshaking, Duration sending,
        Duration waiting, Duration receiving, Duration duration) {
}
