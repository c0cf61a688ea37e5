package dev.loadtest.internal.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * The sinks of every HTTP metric for one tag set, looked up once per request.
 *
 * @param reusedConnections how many responses had blocked, connecting, tls_handshaking and sending all zero (a
 *     reused connection); the four trends count these in their snapshots (one add instead of four)
 */
public record HttpSinks(CounterSink reqs, TrendSink duration, TrendSink blocked, TrendSink connecting,
        TrendSink tlsHandshaking, TrendSink sending, TrendSink waiting, TrendSink receiving, RateSink failed,
        CounterSink dataSent, CounterSink dataReceived, LongAdder reusedConnections) {

    /** Records one response's metrics; times in microseconds. */
    public void record(long blocked, long connecting, long tls, long sending, long waiting, long receiving,
            long duration, boolean failed, long sent, long received) {
        reqs.add(1);
        if (blocked <= 0 && connecting <= 0 && tls <= 0 && sending <= 0) {
            reusedConnections.increment();
        } else {
            this.blocked.record(blocked);
            this.connecting.record(connecting);
            tlsHandshaking.record(tls);
            this.sending.record(sending);
        }
        this.waiting.record(waiting);
        this.receiving.record(receiving);
        this.duration.record(duration);
        this.failed.add(failed);
        dataSent.add(sent);
        dataReceived.add(received);
    }
}
