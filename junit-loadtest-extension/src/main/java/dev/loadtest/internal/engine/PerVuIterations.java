package dev.loadtest.internal.engine;

import dev.loadtest.internal.config.LoadPlan;

/** k6 {@code per-vu-iterations}: each VU runs the same number of iterations. */
final class PerVuIterations implements ExecutorStrategy {

    @Override
    public void execute(RunContext ctx) throws InterruptedException {
        LoadPlan plan = ctx.plan();
        long start = System.nanoTime();
        for (int id = 1; id <= plan.vus(); id++) {
            ctx.vusChanged(1);
            ctx.startVu(ctx.newVu(id), vu -> {
                try {
                    for (long i = 0; i < plan.iterations() && !ctx.control().stopping(); i++) {
                        ctx.iterate(vu);
                    }
                } finally {
                    ctx.vusChanged(-1);
                }
            });
        }
        ctx.awaitVus(start + plan.maxDuration().toNanos());
        ctx.stopGracefully(plan.gracefulStop());
    }
}
