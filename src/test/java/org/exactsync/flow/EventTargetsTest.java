package org.exactsync.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.exactsync.crm.inbound.AcceptedEvent;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.SyncMode;
import org.junit.jupiter.api.Test;

/** The connection the pipeline read for an attempt is used as is; without one, or for another tenant, it is read. */
class EventTargetsTest {

    private final List<String> reads = new ArrayList<>();
    private final ConnectionRecord stored = connection("default", ConnectionStatus.NEEDS_CONSENT);
    private final ConnectionStore store = (ConnectionStore) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ConnectionStore.class}, (proxy, method, args) -> {
                reads.add(method.getName() + " " + args[0]);
                return Optional.of(stored);
            });

    @Test
    void usesTheConnectionThePipelineReadForThisAttemptWithoutReadingAgain() {
        AcceptedEvent<String> event = new AcceptedEvent<>("evt-1", "relation.upserted", "default", List.of(),
                null, "data", connection("default", ConnectionStatus.ACTIVE));

        EventTargets targets = EventTargets.resolve(store, event);

        assertThat(targets).isEqualTo(new EventTargets.Usable(event.connection(), List.of(100001)));
        assertThat(reads).isEmpty();
    }

    @Test
    void readsTheConnectionWhenTheEventCarriesNone() {
        AcceptedEvent<String> event = new AcceptedEvent<>("evt-1", "relation.upserted", "default", List.of(),
                null, "data");

        EventTargets targets = EventTargets.resolve(store, event);

        assertThat(targets).isInstanceOf(EventTargets.Refused.class);
        assertThat(reads).containsExactly("find default");
    }

    @Test
    void neverUsesAnotherTenantsConnection() {
        AcceptedEvent<String> event = new AcceptedEvent<>("evt-1", "relation.upserted", "default", List.of(),
                null, "data", connection("other", ConnectionStatus.ACTIVE));

        assertThat(EventTargets.resolve(store, event)).isInstanceOf(EventTargets.Refused.class);
        assertThat(reads).containsExactly("find default");
    }

    private static ConnectionRecord connection(String tenant, ConnectionStatus status) {
        return new ConnectionRecord(tenant, "https://start.exactonline.nl", "user-1", "client-1",
                List.of(100001, 100002), List.of(100001), status, SyncMode.LIVE, null, null, 1);
    }
}
