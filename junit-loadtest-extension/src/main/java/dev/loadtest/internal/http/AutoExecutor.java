package dev.loadtest.internal.http;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.ReentrantLock;

import dev.loadtest.ClientExecutor;

/**
 * java.net.http's executor for {@link ClientExecutor#AUTO}: runs a task on the thread that hands it over (the
 * client's selector thread) while the client's connections are reused, and on a cached pool of platform threads,
 * like the JDK's default executor, while most HTTPS responses open a new TLS connection. Measured on one generator
 * core, the first makes the most requests per CPU-second with keep-alive and the second the most handshakes
 * (BENCHMARKS.md). Plain HTTP responses are not counted: java.net.http hides their connections.
 *
 * <p>VUs report in batches of {@value #BATCH} responses, so that the shared state is touched once per batch; the
 * executor decides once per {@value #WINDOW} reported responses: to the pool when more than half of them opened a
 * new TLS connection, back when fewer than a tenth did. A start-up burst, where each VU's first response opens a
 * connection, is one in {@value #BATCH} of a VU's batch and moves nothing.
 */
public final class AutoExecutor implements Executor {

    /** Responses a VU counts before it reports them. */
    public static final int BATCH = 16;
    /** Responses per decision. */
    static final int WINDOW = 256;

    private final ThreadFactory threads;
    /** Guards the counts and the switch (a lock, not a monitor: VUs are virtual threads). */
    private final ReentrantLock lock = new ReentrantLock();
    /** Created at the first switch; written before {@link #pooled}, read after it; never set back. */
    private ExecutorService pool;
    private volatile boolean pooled;
    private boolean shutDown;
    private int windowResponses;
    private int windowHandshakes;
    private int windows;
    private int pooledWindows;

    /**
     * @param threadNamePrefix the pool's threads are named with it and a number from 0
     */
    public AutoExecutor(String threadNamePrefix) {
        this.threads = Thread.ofPlatform().daemon().name(threadNamePrefix, 0).factory();
    }

    @Override
    public void execute(Runnable task) {
        if (pooled) {
            try {
                pool.execute(task);
                return;
            } catch (RejectedExecutionException shutDownMeanwhile) {
                // shutdown() ran between the check and the hand-over: run it here, as after shutdown
            }
        }
        task.run();
    }

    /**
     * A VU's batch: of {@code responses} responses, {@code newTlsConnections} were the first on a new TLS
     * connection.
     */
    public void report(int responses, int newTlsConnections) {
        lock.lock();
        try {
            if (shutDown) {
                return;
            }
            windowResponses += responses;
            windowHandshakes += newTlsConnections;
            if (windowResponses < WINDOW) {
                return;
            }
            if (!pooled && windowHandshakes * 2 > windowResponses) {
                if (pool == null) {
                    pool = Executors.newCachedThreadPool(threads);
                }
                pooled = true;
            } else if (pooled && windowHandshakes * 10 < windowResponses) {
                pooled = false;
            }
            windows++;
            if (pooled) {
                pooledWindows++;
            }
            windowResponses = 0;
            windowHandshakes = 0;
        } finally {
            lock.unlock();
        }
    }

    /** Decisions made so far, and how many of them chose the pool. */
    public Decisions decisions() {
        lock.lock();
        try {
            return new Decisions(windows, pooledWindows);
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param windows decisions made
     * @param pooledWindows decisions that chose the pool
     */
    public record Decisions(int windows, int pooledWindows) {
    }

    /**
     * Stops the pool's threads; tasks handed over later run on the thread that hands them over. (A rejected task
     * would make java.net.http abort its selector thread.)
     */
    public void shutdown() {
        lock.lock();
        try {
            shutDown = true;
            pooled = false;
            if (pool != null) {
                pool.shutdownNow();
            }
        } finally {
            lock.unlock();
        }
    }
}
