package dev.loadtest.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("AutoExecutor: direct while connections are reused, a thread pool while most responses handshake")
class AutoExecutorTests {

    private final AutoExecutor executor = new AutoExecutor("auto-test-worker-");

    @AfterEach
    void shutdown() {
        executor.shutdown();
    }

    /** The thread a task handed to the executor ran on. */
    private String threadOfTask() throws Exception {
        CompletableFuture<String> thread = new CompletableFuture<>();
        executor.execute(() -> thread.complete(Thread.currentThread().getName()));
        return thread.get(10, TimeUnit.SECONDS);
    }

    private void assertDirect(String when) throws Exception {
        assertThat(threadOfTask()).as(when).isEqualTo(Thread.currentThread().getName());
    }

    private void assertPooled(String when) throws Exception {
        assertThat(threadOfTask()).as(when).startsWith("auto-test-worker-");
    }

    /** Reports one window in VU batches, each with {@code handshakesPerBatch} new TLS connections. */
    private void reportWindow(int handshakesPerBatch) {
        for (int i = 0; i < AutoExecutor.WINDOW / AutoExecutor.BATCH; i++) {
            executor.report(AutoExecutor.BATCH, handshakesPerBatch);
        }
    }

    @Test
    @DisplayName("runs tasks on the thread that hands them over until a window is reported")
    void directAtFirst() throws Exception {
        assertDirect("new");
        executor.report(AutoExecutor.WINDOW - 1, AutoExecutor.WINDOW - 1);
        assertDirect("one response short of a window");
        assertThat(executor.decisions()).isEqualTo(new AutoExecutor.Decisions(0, 0));
    }

    @Test
    @DisplayName("moves to its pool when more than half of a window's responses opened a new TLS connection")
    void toPool() throws Exception {
        reportWindow(AutoExecutor.BATCH / 2);
        assertDirect("exactly half");

        reportWindow(AutoExecutor.BATCH / 2 + 1);
        assertPooled("more than half");
        assertThat(executor.decisions()).isEqualTo(new AutoExecutor.Decisions(2, 1));
    }

    @Test
    @DisplayName("goes back once fewer than a tenth did, and stays in the pool from a tenth to a half")
    void back() throws Exception {
        reportWindow(AutoExecutor.BATCH);
        assertPooled("all of them");

        executor.report(AutoExecutor.WINDOW, AutoExecutor.WINDOW / 10 + 1);
        assertPooled("26 of 256");

        executor.report(AutoExecutor.WINDOW, AutoExecutor.WINDOW / 10);
        assertDirect("25 of 256");
        assertThat(executor.decisions()).isEqualTo(new AutoExecutor.Decisions(3, 2));
    }

    @Test
    @DisplayName("a start-up burst (every VU's first response on a new connection, then keep-alive) moves nothing")
    void startUpBurst() throws Exception {
        for (int vu = 0; vu < 100; vu++) {
            executor.report(AutoExecutor.BATCH, 1);
        }
        assertDirect("one in 16");
        assertThat(executor.decisions().windows()).isEqualTo(100 * AutoExecutor.BATCH / AutoExecutor.WINDOW);
    }

    @Test
    @DisplayName("after shutdown, tasks run on the thread that hands them over and are never rejected")
    void afterShutdown() throws Exception {
        reportWindow(AutoExecutor.BATCH);
        assertPooled("before shutdown");
        executor.shutdown();
        assertDirect("after shutdown");
        reportWindow(AutoExecutor.BATCH);
        assertDirect("a report after shutdown");
    }
}
