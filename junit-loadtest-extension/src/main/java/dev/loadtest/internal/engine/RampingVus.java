package dev.loadtest.internal.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.loadtest.internal.config.LoadPlan;
import dev.loadtest.internal.config.LoadPlan.StagePlan;

/**
 * k6 {@code ramping-vus}: the number of active VUs follows the stages, interpolated linearly. VUs are created up
 * front (k6's {@code vus_max}) and park while inactive; a ramped-down VU finishes its iteration within
 * {@code gracefulRampDown} or is interrupted.
 */
final class RampingVus implements ExecutorStrategy {

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private static final class Slot {
        final VuState vu;
        volatile boolean active;
        volatile boolean inIteration;
        volatile long deactivatedAt;
        Thread thread;

        Slot(VuState vu) {
            this.vu = vu;
        }
    }

    @Override
    public void execute(RunContext ctx) throws InterruptedException {
        LoadPlan plan = ctx.plan();
        int max = plan.maxConcurrentVus();
        Slot[] slots = new Slot[max];
        for (int i = 0; i < max; i++) {
            Slot slot = new Slot(ctx.newVu(i + 1));
            slots[i] = slot;
            slot.thread = ctx.startVu(slot.vu, vu -> loop(ctx, slot));
        }
        long total = plan.stagesDuration().toNanos();
        long start = System.nanoTime();
        int active = 0;
        while (!ctx.control().stopping()) {
            long elapsed = System.nanoTime() - start;
            int target = targetAt(plan.startVus(), plan.stages(), Math.min(elapsed, total));
            for (int i = 0; i < max; i++) {
                Slot s = slots[i];
                if (i < target && !s.active) {
                    s.active = true;
                    LockSupport.unpark(s.thread);
                } else if (i >= target && s.active) {
                    s.active = false;
                    s.deactivatedAt = System.nanoTime();
                }
                if (!s.active && s.inIteration && s.deactivatedAt != 0
                        && System.nanoTime() - s.deactivatedAt > plan.gracefulRampDown().toNanos()) {
                    s.deactivatedAt = 0;
                    s.thread.interrupt();
                }
            }
            ctx.vusChanged(target - active);
            active = target;
            if (elapsed >= total) {
                break;
            }
            ctx.awaitTime(Math.min(System.nanoTime() + TICK_NANOS, start + total));
        }
        ctx.control().stop();
        for (Slot s : slots) {
            LockSupport.unpark(s.thread);
        }
        ctx.stopGracefully(plan.gracefulStop());
        ctx.vusChanged(-active);
    }

    private static void loop(RunContext ctx, Slot slot) {
        while (!ctx.control().stopping()) {
            if (!slot.active) {
                Thread.interrupted();
                LockSupport.park(slot);
                continue;
            }
            slot.inIteration = true;
            try {
                ctx.iterate(slot.vu);
            } finally {
                slot.inIteration = false;
            }
        }
    }

    /** The VU target at {@code elapsed} nanoseconds: linear within each stage, rounded. */
    static int targetAt(long startVus, List<StagePlan> stages, long elapsed) {
        double from = startVus;
        long t = elapsed;
        for (StagePlan stage : stages) {
            long d = stage.duration().toNanos();
            if (t < d) {
                return (int) Math.round(from + (stage.target() - from) * ((double) t / d));
            }
            t -= d;
            from = stage.target();
        }
        return (int) Math.round(from);
    }
}
