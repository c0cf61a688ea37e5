package dev.loadtest.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.loadtest.ClientExecutor;
import dev.loadtest.Connections;
import dev.loadtest.internal.config.StatusSet;

@DisplayName("ClientPool gives each client the executor that clientExecutor names")
class ClientPoolTests {

    private static ClientPool pool(ClientExecutor executor, Connections connections) {
        ClientSettings settings = new ClientSettings(connections, executor, false,
                StatusSet.parse("200-399", "test"), Duration.ofSeconds(60));
        return new ClientPool(settings, 150, builder -> new ClientPool.ClientHandle(builder.build(),
                ConnectionObserver.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Connections.class)
    @DisplayName("AUTO: java.net.http runs on each client's own AutoExecutor, which its VUs report to")
    void auto(Connections connections) {
        try (ClientPool pool = pool(ClientExecutor.AUTO, connections)) {
            ClientPool.ClientHandle first = pool.clientFor(1);
            ClientPool.ClientHandle second = pool.clientFor(2);
            assertThat(first.auto()).isNotNull();
            assertThat(first.client().executor()).containsSame(first.auto());
            assertThat(second.client().executor()).containsSame(second.auto());
            assertThat(second.auto()).isNotSameAs(first.auto());
            assertThat(pool.notes()).as("no client moved").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ClientExecutor.class, names = "AUTO", mode = EnumSource.Mode.EXCLUDE)
    @DisplayName("the fixed executors have no AutoExecutor")
    void fixed(ClientExecutor executor) {
        try (ClientPool pool = pool(executor, Connections.SHARED)) {
            ClientPool.ClientHandle handle = pool.clientFor(1);
            assertThat(handle.auto()).isNull();
            assertThat(handle.client().executor().isPresent()).isEqualTo(executor != ClientExecutor.JDK_DEFAULT);
        }
    }
}
