package dev.loadtest.internal.engine;

import java.util.concurrent.atomic.AtomicLong;

import dev.loadtest.internal.config.LoadPlan;

/** k6 {@code shared-iterations}: VUs take iterations from one shared count until it is used up. */
final class SharedIterations implements ExecutorStrategy {

    @Override
    public void execute(RunContext ctx) throws InterruptedException {
        LoadPlan plan = ctx.plan();
        long start = System.nanoTime();
        AtomicLong remaining = new AtomicLong(plan.iterations());
        for (int id = 1; id <= plan.vus(); id++) {
            ctx.vusChanged(1);
            ctx.startVu(ctx.newVu(id), vu -> {
                try {
                    while (!ctx.control().stopping() && remaining.getAndDecrement() > 0) {
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
