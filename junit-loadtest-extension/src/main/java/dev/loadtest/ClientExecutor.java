package dev.loadtest;

/** The executor that java.net.http runs its asynchronous tasks on. */
public enum ClientExecutor {
    /** The JDK's default: a cached pool of platform threads per client. */
    DEFAULT,
    /** A new virtual thread per task. */
    VIRTUAL_THREADS,
    /** Tasks run on the thread that hands them over (the client's selector thread). */
    DIRECT
}
