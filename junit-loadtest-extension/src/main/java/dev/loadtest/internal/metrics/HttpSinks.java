package dev.loadtest.internal.metrics;

/** The sinks of every HTTP metric for one tag set, looked up once per request. */
public record HttpSinks(CounterSink reqs, TrendSink duration, TrendSink blocked, TrendSink connecting,
        TrendSink tlsHandshaking, TrendSink sending, TrendSink waiting, TrendSink receiving, RateSink failed,
        CounterSink dataSent, CounterSink dataReceived) {
}
