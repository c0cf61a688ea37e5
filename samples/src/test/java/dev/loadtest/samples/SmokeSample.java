package dev.loadtest.samples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;

import dev.loadtest.Http;
import dev.loadtest.LoadResult;
import dev.loadtest.LoadTest;
import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.fixtures.WithLoopbackServer;

/** A smoke test: 200 requests shared by 10 users, then assertions on the result in code. */
@WithLoopbackServer
class SmokeSample {

    @LoadTest(vus = 10, iterations = 200)
    void smoke(Http http, LoopbackServer server) {
        assertThat(http.get(server.uri("/ok")).status()).isEqualTo(200);
    }

    @AfterEach
    void verify(LoadResult result, LoopbackServer server) {
        assertThat(result.count("http_reqs")).isEqualTo(200).isEqualTo(server.requestCount());
        assertThat(result.trend("http_req_duration").p95()).isLessThan(1000);
        assertThat(result.iterationErrors()).isEmpty();
    }
}
