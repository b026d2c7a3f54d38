package org.exactsync.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.exactsync.crm.inbound.EventHandler;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.InboundPipeline;
import org.exactsync.store.CallbackOutbox;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.EventStatus;
import org.exactsync.store.EventStore;
import org.exactsync.store.SyncMode;
import org.exactsync.testsupport.DynamoDbTestResource;
import org.exactsync.testsupport.StoreProbeProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The CRM side wired by CDI from {@code application.properties} ({@code %test.crm.*}): pipeline, tenant settings,
 * the DynamoDB outbox behind {@code Callbacks}, and handler look-up by type. Shares the store tests' resource and
 * profile, so it costs no extra Quarkus start.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
@TestProfile(StoreProbeProfile.class)
class CrmWiringQuarkusTest {

    @Inject
    InboundPipeline pipeline;
    @Inject
    TenantSettings tenants;
    @Inject
    ConnectionStore connections;
    @Inject
    EventStore events;
    @Inject
    CallbackOutbox outbox;
    @Inject
    @Any
    Instance<EventHandler<?>> handlers;

    @BeforeEach
    void connectDefaultTenant() {
        if (connections.find("default").isEmpty()) {
            connections.save(new ConnectionRecord("default", "https://start.exactonline.nl", "user-1", "client-1",
                    List.of(100, 200), List.of(100), ConnectionStatus.ACTIVE, SyncMode.DRY_RUN, null, null, 0));
        }
    }

    private EventHandler<?> probe() {
        return handlers.stream().filter(handler -> handler.type().equals("probe.happened")).findFirst()
                .orElseThrow();
    }

    private static HttpRequestEvent signed(String body) {
        String header = CrmSignature.sign("test-inbound-secret", Instant.now(),
                body.getBytes(StandardCharsets.UTF_8));
        return new HttpRequestEvent("/crm/probes", null, Map.of("Crm-Signature", header), body, false);
    }

    private static String event(String eventId, boolean fail) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"probe.happened\",\"occurredAt\":\"2026-11-26T10:00:00Z\","
                + "\"data\":{\"id\":\"p-1\",\"fail\":" + fail + "}}";
    }

    @Test
    void readsTheTestTenantFromConfiguration() {
        assertThat(tenants.tenant("default")).hasValueSatisfying(tenant -> {
            assertThat(tenant.conflictPolicy()).isEqualTo(ConflictPolicy.REPORT);
            assertThat(tenant.callbackUrl()).isEmpty();
        });
    }

    @Test
    void acceptsAndFinishesASignedEventThroughTheInjectedPipeline() {
        String eventId = "evt-wiring-" + System.nanoTime();

        HttpResponseEvent response = pipeline.handle(signed(event(eventId, false)), probe());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"synced\",\"results\":[[100]]}");
        assertThat(events.find("default", eventId).orElseThrow().status()).isEqualTo(EventStatus.DONE);
    }

    @Test
    void queuesSyncFailedInTheDurableOutboxWhenTheTenantHasNoCallbackUrl() {
        String eventId = "evt-wiring-fail-" + System.nanoTime();

        HttpResponseEvent response = pipeline.handle(signed(event(eventId, true)), probe());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"failed\"");
        assertThat(outbox.head("default", "probe:p-1")).hasValueSatisfying(
                queued -> assertThat(queued.type()).isEqualTo("sync.failed"));
    }
}
