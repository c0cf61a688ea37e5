package dev.loadtest;

/**
 * The executor that java.net.http runs its asynchronous tasks on. {@link #AUTO} is the default: it runs them as
 * {@link #DIRECT} does while connections are reused and as {@link #JDK_DEFAULT} does while most HTTPS responses
 * open a new TLS connection, the better of the two in each case as measured on one generator core (BENCHMARKS.md).
 */
public enum ClientExecutor {
    /** The JDK's default: a cached pool of platform threads per client. */
    JDK_DEFAULT,
    /** A new virtual thread per task. */
    VIRTUAL_THREADS,
    /**
     * Tasks run on the thread that hands them over (the client's selector thread): with keep-alive the most
     * requests per CPU-second; with a new TLS connection per request the handshakes' work queues on that thread.
     */
    DIRECT,
    /**
     * The default: {@link #DIRECT} while connections are reused; a client switches to a cached pool of platform
     * threads, as {@link #JDK_DEFAULT}, when more than half of a window of 256 of its HTTPS responses opened a new
     * TLS connection, and back when fewer than a tenth of a window did. VUs hand their counts over every 16 HTTPS
     * responses, so a VU that makes fewer moves nothing. Plain HTTP responses are not counted (java.net.http hides
     * their connections). The summary says which clients switched.
     */
    AUTO
}
