package dev.loadtest.internal.engine;

import dev.loadtest.internal.config.LoadPlan;

/** k6 {@code constant-vus}: a fixed number of VUs loop for a duration. */
final class ConstantVus implements ExecutorStrategy {

    @Override
    public void execute(RunContext ctx) throws InterruptedException {
        LoadPlan plan = ctx.plan();
        long end = System.nanoTime() + plan.duration().toNanos();
        for (int id = 1; id <= plan.vus(); id++) {
            ctx.vusChanged(1);
            ctx.startVu(ctx.newVu(id), vu -> {
                try {
                    while (!ctx.control().stopping() && System.nanoTime() < end) {
                        ctx.iterate(vu);
                    }
                } finally {
                    ctx.vusChanged(-1);
                }
            });
        }
        ctx.awaitTime(end);
        ctx.stopGracefully(plan.gracefulStop());
    }
}
