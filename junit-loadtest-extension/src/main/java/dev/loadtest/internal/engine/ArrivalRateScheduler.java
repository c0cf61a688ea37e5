package dev.loadtest.internal.engine;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.LockSupport;

import dev.loadtest.internal.config.LoadPlan;

/**
 * The open model shared by the arrival-rate executors: starts each iteration when its {@link ArrivalRateSchedule}
 * says, whatever the response times, on a VU taken from a pool of idle VUs.
 *
 * <ul>
 *   <li>{@code preAllocatedVus} VUs start before the schedule does; more start lazily, up to {@code maxVus}, when
 *       an iteration is due and none is idle. When {@code maxVus} are all busy the iteration is dropped and
 *       counted in {@code dropped_iterations} (k6), so started + dropped equals the schedule (unless aborted).
 *   <li>The scheduler thread sleeps (a timed park, woken early only by an abort) until the next start, so a slow
 *       rate costs next to no CPU. When it wakes late, every iteration already due starts at once.
 *   <li>Each started iteration records {@code iteration_schedule_lag}: actual start minus due time.
 *   <li>{@code vus} counts the VUs running an iteration at the moment (its maximum is the concurrency the rate
 *       needed: rate × iteration duration); {@code vus_max} counts the VUs created. k6 counts idle arrival-rate
 *       VUs in {@code vus} too, which makes it equal to {@code vus_max} and says nothing about the load.
 * </ul>
 */
final class ArrivalRateScheduler {

    private final RunContext ctx;
    private final int maxVus;
    private final List<Worker> workers = new ArrayList<>();
    private final Deque<Worker> idle = new ConcurrentLinkedDeque<>();

    private ArrivalRateScheduler(RunContext ctx) {
        this.ctx = ctx;
        this.maxVus = ctx.plan().maxConcurrentVus();
    }

    /** Runs the schedule, then the graceful stop; returns when every VU thread has ended. */
    static void run(RunContext ctx, ArrivalRateSchedule schedule) throws InterruptedException {
        new ArrivalRateScheduler(ctx).execute(schedule);
    }

    private void execute(ArrivalRateSchedule schedule) throws InterruptedException {
        LoadPlan plan = ctx.plan();
        try {
            for (int i = 0; i < plan.preAllocatedVus(); i++) {
                idle.push(newWorker());
            }
            startOnSchedule(schedule);
        } finally {
            // Idle VUs end now; busy ones when their iteration does, or when stopGracefully interrupts them.
            ctx.control().stop();
            for (Worker worker : workers) {
                LockSupport.unpark(worker.thread);
            }
        }
        ctx.stopGracefully(plan.gracefulStop());
    }

    private void startOnSchedule(ArrivalRateSchedule schedule) throws InterruptedException {
        // Like k6, the schedule starts once the pre-allocated VUs exist.
        long start = System.nanoTime();
        long iterations = schedule.iterations();
        for (long n = 0; n < iterations && !ctx.control().stopping(); n++) {
            long due = start + schedule.offsetNanos(n);
            if (due - System.nanoTime() > 0) {
                ctx.awaitTime(due);
                if (ctx.control().stopping()) {
                    return;
                }
            }
            Worker worker = idle.poll();
            if (worker == null && workers.size() < maxVus) {
                worker = newWorker();
            }
            if (worker == null) {
                ctx.dropIteration();
            } else {
                worker.assign(due);
            }
        }
        ctx.awaitTime(start + schedule.lengthNanos());
    }

    private Worker newWorker() {
        Worker worker = new Worker();
        worker.thread = ctx.startVu(ctx.newVu(workers.size() + 1), worker::loop);
        workers.add(worker);
        return worker;
    }

    /** One VU of the pool: parks until the scheduler hands it an iteration, runs it, then returns to the pool. */
    private final class Worker {

        Thread thread;
        private long due;
        private volatile boolean assigned;

        /** Called by the scheduler only, on a worker that is not running an iteration. */
        void assign(long dueNanos) {
            due = dueNanos;
            assigned = true;
            LockSupport.unpark(thread);
        }

        void loop(VuState vu) {
            while (true) {
                if (assigned) {
                    long dueNanos = due;
                    assigned = false;
                    ctx.vusChanged(1);
                    try {
                        ctx.iterate(vu, dueNanos);
                    } finally {
                        ctx.vusChanged(-1);
                    }
                    idle.push(this);
                } else if (ctx.control().stopping()) {
                    return;
                } else {
                    Thread.interrupted();
                    LockSupport.park(this);
                }
            }
        }
    }
}
