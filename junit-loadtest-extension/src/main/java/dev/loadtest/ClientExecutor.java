package dev.loadtest;

/**
 * The executor that java.net.http runs its asynchronous tasks on. {@link #DIRECT} is the default: measured on one
 * generator core it made 21 % more requests per CPU-second than the JDK's pool and 60 % more than virtual threads
 * (BENCHMARKS.md, defaults exploration).
 */
public enum ClientExecutor {
    /** The JDK's default: a cached pool of platform threads per client. */
    JDK_DEFAULT,
    /** A new virtual thread per task. */
    VIRTUAL_THREADS,
    /** Tasks run on the thread that hands them over (the client's selector thread); the default. */
    DIRECT
}
