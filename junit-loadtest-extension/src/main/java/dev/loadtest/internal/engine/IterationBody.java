package dev.loadtest.internal.engine;

/** One iteration of the test method, run by a VU. */
@FunctionalInterface
public interface IterationBody {

    void run(VuState vu) throws Throwable;
}
