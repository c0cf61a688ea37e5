package dev.loadtest.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The reference generator: the minimal closed-model loop a developer would write by hand. Virtual threads, each
 * calling {@code HttpClient.send} on a shared client (or on one of {@code --clients} clients), keep-alive, the
 * body read into a byte array, no metrics. Same users, duration and warm-up as the {@code @LoadTest} generator.
 *
 * <pre>--url=http://127.0.0.1:PORT/2b --ca=ca.pem --vus=50 --warmup=4 --duration=10 --clients=1
 * --executor=default|virtual|direct --body=keep|discard --timeout=0 (seconds; 0: none) --timeout-on=client|vu</pre>
 */
public final class RawLoop {

    private RawLoop() {
    }

    private static HttpResponse<byte[]> sendWithTimeoutOnVu(HttpClient client, HttpRequest request,
            HttpResponse.BodyHandler<byte[]> handler, int timeoutSeconds) throws Exception {
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, handler);
        try {
            return future.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException | InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        URI uri = URI.create(args.get("url", "http://127.0.0.1:18080/2b"));
        int vus = args.getInt("vus", 50);
        int clientCount = args.getInt("clients", 1);
        Duration warmUp = args.seconds("warmup", 4);
        Duration measure = args.seconds("duration", 10);
        boolean discard = args.get("body", "keep").equals("discard");
        String executor = args.get("executor", "default");
        boolean plain = uri.getScheme().equals("http");

        List<HttpClient> clients = new ArrayList<>();
        List<ExecutorService> executors = new ArrayList<>();
        for (int i = 0; i < clientCount; i++) {
            HttpClient.Builder b = HttpClient.newBuilder();
            if (!plain) {
                b.sslContext(Args.trusting(Path.of(args.get("ca", "ca.pem"))));
            }
            switch (executor) {
                case "virtual" -> {
                    ExecutorService e = Executors.newVirtualThreadPerTaskExecutor();
                    executors.add(e);
                    b.executor(e);
                }
                case "direct" -> b.executor(Runnable::run);
                case "default" -> {
                }
                default -> throw new IllegalArgumentException("--executor=" + executor);
            }
            clients.add(b.build());
        }
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri);
        if (plain) {
            rb.version(HttpClient.Version.HTTP_1_1); // as k6 and the library: no h2c upgrade over plain http
        }
        int timeout = args.getInt("timeout", 0);
        // "client": the timeout on the request, as the library's requestTimeout does it now (java.net.http then
        // registers a timer and wakes its selector thread for every request); "vu": sendAsync and a timed wait on
        // the VU's own thread instead (the alternative measured for the recommendation in BENCHMARKS.md).
        boolean timeoutOnVu = args.get("timeout-on", "client").equals("vu");
        if (timeout > 0 && !timeoutOnVu) {
            rb.timeout(Duration.ofSeconds(timeout));
        }
        HttpRequest request = rb.build();
        HttpResponse.BodyHandler<byte[]> handler = discard ? HttpResponse.BodyHandlers.replacing(new byte[0])
                : HttpResponse.BodyHandlers.ofByteArray();

        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        Window window = new Window(warmUp, measure, ok::sum, failed::sum).start();
        List<Thread> threads = new ArrayList<>();
        for (int vu = 0; vu < vus; vu++) {
            HttpClient client = clients.get(vu % clientCount);
            threads.add(Thread.ofVirtual().start(() -> {
                while (!window.closed()) {
                    try {
                        HttpResponse<byte[]> response = timeout > 0 && timeoutOnVu
                                ? sendWithTimeoutOnVu(client, request, handler, timeout)
                                : client.send(request, handler);
                        (response.statusCode() == 200 ? ok : failed).increment();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        failed.increment();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join(); // they stop when the window has closed (their last request may still be in flight then)
        }
        window.report("raw");
        clients.forEach(HttpClient::shutdownNow);
        executors.forEach(ExecutorService::shutdownNow);
    }
}
