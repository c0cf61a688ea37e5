package dev.loadtest;

/** k6's executors, with k6's names and semantics. */
public enum Executor {
    /** Inferred from the other attributes, like k6's shortcut options. */
    AUTO("auto"),
    /** A fixed number of iterations shared by all VUs. */
    SHARED_ITERATIONS("shared-iterations"),
    /** Each VU runs the same number of iterations. */
    PER_VU_ITERATIONS("per-vu-iterations"),
    /** A fixed number of VUs loop for a duration. */
    CONSTANT_VUS("constant-vus"),
    /** The number of VUs follows stages. */
    RAMPING_VUS("ramping-vus"),
    /** Iterations start at a fixed rate, whatever the response times (open model). */
    CONSTANT_ARRIVAL_RATE("constant-arrival-rate"),
    /** Iterations start at a rate that follows stages (open model). */
    RAMPING_ARRIVAL_RATE("ramping-arrival-rate");

    private final String k6Name;

    Executor(String k6Name) {
        this.k6Name = k6Name;
    }

    /** The name k6 uses, e.g. {@code constant-vus}. */
    public String k6Name() {
        return k6Name;
    }
}
