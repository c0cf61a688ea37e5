package dev.loadtest.internal;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.loadtest.LoadResult.ThresholdOutcome;
import dev.loadtest.internal.config.LoadPlan;
import dev.loadtest.internal.engine.ExecutorStrategy;
import dev.loadtest.internal.engine.IterationBody;
import dev.loadtest.internal.engine.RunContext;
import dev.loadtest.internal.engine.RunControl;
import dev.loadtest.internal.http.ClientPool;
import dev.loadtest.internal.http.ClientPool.ClientHandle;
import dev.loadtest.internal.http.VuHttp;
import dev.loadtest.internal.metrics.MetricRegistry;
import dev.loadtest.internal.report.DefaultLoadResult;
import dev.loadtest.internal.threshold.AbortMonitor;
import dev.loadtest.internal.threshold.ThresholdEvaluator;

/** Runs one validated plan: plan -> engine (VUs) -> per-VU clients -> recorded samples -> result. */
public final class LoadRunner {

    private LoadRunner() {
    }

    /**
     * @param clientFactory finishes a client builder (TLS settings, connection observer) and builds it
     */
    public static DefaultLoadResult run(LoadPlan plan, IterationBody body,
            Function<HttpClient.Builder, ClientHandle> clientFactory) throws InterruptedException {
        RunControl control = new RunControl();
        try (ClientPool pool = new ClientPool(plan.client(), plan.maxConcurrentVus(), clientFactory)) {
            // The clock starts once the shared clients exist: creating the first one can take long on a cold JVM.
            MetricRegistry registry = new MetricRegistry(System.nanoTime());
            RunContext ctx = new RunContext(plan, registry, control, body,
                    vu -> new VuHttp(pool.clientFor(vu.id()), plan.client(), registry, vu));
            AbortMonitor monitor = AbortMonitor.start(plan.thresholds(), registry, control);
            try {
                ExecutorStrategy.of(plan.executor()).execute(ctx);
            } finally {
                if (monitor != null) {
                    monitor.close();
                }
            }
            long end = System.nanoTime();
            List<ThresholdOutcome> outcomes = ThresholdEvaluator.evaluate(plan.thresholds(), registry, end);
            List<String> notes = new ArrayList<>(plan.notes());
            notes.addAll(pool.notes());
            return new DefaultLoadResult(plan, registry, end, outcomes, ctx.errors().snapshot(),
                    control.abortReason(), notes, ctx.interruptedIterations());
        }
    }
}
