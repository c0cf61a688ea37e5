package dev.loadtest.internal.engine;

import dev.loadtest.Executor;

/** Decides when VUs run iterations, following one k6 executor. */
public interface ExecutorStrategy {

    /** Runs the whole executor, including its graceful stop; returns when every VU thread has ended. */
    void execute(RunContext ctx) throws InterruptedException;

    static ExecutorStrategy of(Executor executor) {
        return switch (executor) {
            case SHARED_ITERATIONS -> new SharedIterations();
            case PER_VU_ITERATIONS -> new PerVuIterations();
            case CONSTANT_VUS -> new ConstantVus();
            case RAMPING_VUS -> new RampingVus();
            case CONSTANT_ARRIVAL_RATE -> new ConstantArrivalRate();
            case RAMPING_ARRIVAL_RATE -> new RampingArrivalRate();
            case AUTO -> throw new IllegalArgumentException("AUTO is resolved by the plan");
        };
    }
}
