package dev.loadtest.samples;

import java.net.URI;

import org.junit.jupiter.api.BeforeEach;

import dev.loadtest.Http;
import dev.loadtest.LoadResponse;
import dev.loadtest.LoadTest;
import dev.loadtest.Params;
import dev.loadtest.Threshold;
import dev.loadtest.Vu;
import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.fixtures.WithLoopbackServer;

/** 20 users browse and check out for 5 seconds; thresholds judge latency, errors and checks. */
@WithLoopbackServer
class CheckoutSample {

    private URI base;

    @BeforeEach
    void setUp(LoopbackServer server) {
        base = server.baseUri();
    }

    @LoadTest(vus = 20, duration = "5s")
    @Threshold(metric = "http_req_duration", condition = "p(95)<1000")
    @Threshold(metric = "http_req_duration{name:product}", condition = "p(95)<1000")
    @Threshold(metric = "http_req_failed", condition = "rate<0.01", abortOnFail = true)
    @Threshold(metric = "checks", condition = "rate>0.99")
    void checkout(Http http, Vu vu) {
        vu.group("browse", () -> {
            LoadResponse home = http.get(base.resolve("/ok"));
            vu.check(home, "home is 200", r -> r.status() == 200);
            http.get(base.resolve("/delay/5?product=" + vu.iteration() % 10), Params.name("product"));
        });
        vu.group("checkout", () -> {
            LoadResponse pay = http.post(base.resolve("/ok"), "{\"cart\":" + vu.id() + "}");
            vu.check(pay, "payment accepted", r -> r.status() == 200 && r.body().equals("ok"));
        });
    }
}
