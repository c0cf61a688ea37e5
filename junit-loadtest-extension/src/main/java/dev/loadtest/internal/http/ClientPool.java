package dev.loadtest.internal.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import dev.loadtest.ClientExecutor;
import dev.loadtest.Connections;

/**
 * The run's HTTP clients: a small shared pool by default (no more than {@value #VUS_PER_SHARED_CLIENT} VUs per
 * client, so HTTP/2 never has more concurrent streams per connection than servers commonly allow: java.net.http
 * fails the excess instead of queueing), or one client per VU. Closed when the run ends.
 */
public final class ClientPool implements AutoCloseable {

    /** Jetty, nginx and most servers allow 100 or more concurrent HTTP/2 streams per connection. */
    static final int VUS_PER_SHARED_CLIENT = 100;

    private final ClientSettings settings;
    private final Function<HttpClient.Builder, ClientHandle> factory;
    private final ClientHandle[] shared;
    private final ConcurrentHashMap<Integer, ClientHandle> perVu = new ConcurrentHashMap<>();
    private final List<ExecutorService> executors = new ArrayList<>();
    private final List<AutoExecutor> autoExecutors = new ArrayList<>();

    /**
     * A client and what observes its connections.
     *
     * @param client the client
     * @param observer connection and TLS observer
     * @param auto the client's executor when it is {@link ClientExecutor#AUTO}, which its VUs report to; else null
     */
    public record ClientHandle(HttpClient client, ConnectionObserver observer, AutoExecutor auto) {

        /** A client with a fixed executor. */
        public ClientHandle(HttpClient client, ConnectionObserver observer) {
            this(client, observer, null);
        }
    }

    /**
     * @param factory finishes a builder (TLS context, observer) and builds the client
     */
    public ClientPool(ClientSettings settings, int maxVus, Function<HttpClient.Builder, ClientHandle> factory) {
        this.settings = settings;
        this.factory = factory;
        if (settings.connections() == Connections.SHARED) {
            int n = Math.max(1, (maxVus + VUS_PER_SHARED_CLIENT - 1) / VUS_PER_SHARED_CLIENT);
            shared = new ClientHandle[n];
            for (int i = 0; i < n; i++) {
                shared[i] = create();
            }
        } else {
            shared = null;
        }
    }

    /** The client of VU {@code vuId} (from 1). */
    public ClientHandle clientFor(int vuId) {
        if (shared != null) {
            return shared[(vuId - 1) % shared.length];
        }
        return perVu.computeIfAbsent(vuId, id -> create());
    }

    private ClientHandle create() {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER);
        switch (settings.executor()) {
            case VIRTUAL_THREADS -> {
                ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
                synchronized (executors) {
                    executors.add(executor);
                }
                builder.executor(executor);
            }
            case DIRECT -> builder.executor(Runnable::run);
            case AUTO -> {
                AutoExecutor auto;
                synchronized (autoExecutors) {
                    auto = new AutoExecutor("loadtest-http-" + (autoExecutors.size() + 1) + "-worker-");
                    autoExecutors.add(auto);
                }
                ClientHandle handle = factory.apply(builder.executor(auto));
                return new ClientHandle(handle.client(), handle.observer(), auto);
            }
            case JDK_DEFAULT -> {
                // the JDK's default executor
            }
        }
        return factory.apply(builder);
    }

    /**
     * For the summary: which {@link ClientExecutor#AUTO} clients ran java.net.http on their thread pool, or
     * nothing when none did.
     */
    public List<String> notes() {
        int clients;
        int moved = 0;
        int windows = 0;
        int pooled = 0;
        synchronized (autoExecutors) {
            clients = autoExecutors.size();
            for (AutoExecutor auto : autoExecutors) {
                AutoExecutor.Decisions d = auto.decisions();
                if (d.pooledWindows() > 0) {
                    moved++;
                    windows += d.windows();
                    pooled += d.pooledWindows();
                }
            }
        }
        if (moved == 0) {
            return List.of();
        }
        return List.of("clientExecutor AUTO: " + moved + " of " + clients + " HTTP clients ran java.net.http on a"
                + " thread pool, as JDK_DEFAULT does, for " + pooled + " of their " + windows + " windows of "
                + AutoExecutor.WINDOW + " HTTPS responses (a client moves there while more than half of its HTTPS"
                + " responses open a new TLS connection)");
    }

    /** Number of clients created so far. */
    public int size() {
        return shared != null ? shared.length : perVu.size();
    }

    @Override
    public void close() {
        List<HttpClient> clients = new ArrayList<>();
        if (shared != null) {
            for (ClientHandle h : shared) {
                clients.add(h.client());
            }
        }
        perVu.values().forEach(h -> clients.add(h.client()));
        clients.forEach(HttpClient::shutdownNow);
        for (HttpClient c : clients) {
            try {
                c.awaitTermination(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        synchronized (executors) {
            executors.forEach(ExecutorService::shutdownNow);
        }
        synchronized (autoExecutors) {
            autoExecutors.forEach(AutoExecutor::shutdown);
        }
    }
}
