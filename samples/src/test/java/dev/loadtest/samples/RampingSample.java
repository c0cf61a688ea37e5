package dev.loadtest.samples;

import dev.loadtest.Http;
import dev.loadtest.LoadTest;
import dev.loadtest.Stage;
import dev.loadtest.Threshold;
import dev.loadtest.fixtures.LoopbackServer;
import dev.loadtest.fixtures.WithLoopbackServer;

/** Ramps from 0 to 30 users, holds, and ramps down, like k6's ramping-vus. */
@WithLoopbackServer
class RampingSample {

    @LoadTest(startVus = 0, stages = {
        @Stage(duration = "2s", target = 30),
        @Stage(duration = "3s", target = 30),
        @Stage(duration = "1s", target = 0)})
    @Threshold(metric = "http_req_duration", condition = "p(99)<2000")
    @Threshold(metric = "vus", condition = "value==0")
    void ramp(Http http, LoopbackServer server) {
        http.get(server.uri("/delay/10"));
    }
}
