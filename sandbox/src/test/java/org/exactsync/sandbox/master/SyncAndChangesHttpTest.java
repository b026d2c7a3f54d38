package org.exactsync.sandbox.master;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.exactsync.sandbox.ChangeEvent;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.SandboxHttp;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sync/CRM/Accounts over the account rowversions, and change events after writes. */
class SyncAndChangesHttpTest {

    private static final String API = "/api/v1/100001/";
    private final List<ChangeEvent> heard = new CopyOnWriteArrayList<>();
    private ExactSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = ExactSandbox.builder().clock(AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:00:00Z")))
                .changeListener(heard::add).build().start();
        http = new SandboxHttp(sandbox).connected();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String createAccount(String name) {
        return http.json(http.post(API + "crm/Accounts", "{\"Name\":\"" + name + "\"}")).path("d").path("ID").asText();
    }

    @Test
    void syncAccountsReturnsChangesAfterTheTimestampCursorOnly() {
        createAccount("A");
        String b = createAccount("B");
        JsonNode all = http.json(http.get(API + "sync/CRM/Accounts?$filter=Timestamp gt 1L&$select=ID,Timestamp,Name"))
                .path("d").path("results");
        assertThat(all).hasSize(2);
        long cursor = all.get(1).path("Timestamp").asLong();
        http.put(API + "crm/Accounts(guid'" + b + "')", "{\"Name\":\"B2\"}");
        JsonNode changed = http.json(http.get(API + "sync/CRM/Accounts?$filter=Timestamp gt " + cursor
                + "L&$select=ID,Name")).path("d").path("results");
        assertThat(changed).extracting(r -> r.path("Name").asText()).containsExactly("B2");
    }

    @Test
    void syncAccountsRefusesFiltersOtherThanTimestamp() {
        assertThat(http.get(API + "sync/CRM/Accounts?$filter=Name eq 'A'").statusCode()).isEqualTo(400);
    }

    @Test
    void bulkAccountsDemandSelectAndRefuseClassificationFilters() {
        createAccount("Bulk BV");
        assertThat(http.json(http.get(API + "bulk/CRM/Accounts?$filter=Name eq 'Bulk BV'")).path("error")
                .path("message").path("value").asText()).startsWith("Please add a $select");
        assertThat(http.json(http.get(API + "bulk/CRM/Accounts?$select=ID&$filter=Classification1 eq null"))
                .path("error").path("message").path("value").asText())
                .isEqualTo("Filtering on these fields is not supported: Classification1");
        assertThat(http.json(http.get(API + "bulk/CRM/Accounts?$select=ID,Name&$filter=Name eq 'Bulk BV'"))
                .path("d").path("results")).hasSize(1);
    }

    @Test
    void publishesAccountChangesAfterTheWrite() {
        String id = createAccount("Event BV");
        http.put(API + "crm/Accounts(guid'" + id + "')", "{\"City\":\"Gouda\"}");
        http.delete(API + "crm/Accounts(guid'" + id + "')");
        assertThat(heard).extracting(ChangeEvent::topic, ChangeEvent::action, e -> e.key().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Accounts", "Create", id),
                        org.assertj.core.groups.Tuple.tuple("Accounts", "Update", id),
                        org.assertj.core.groups.Tuple.tuple("Accounts", "Delete", id));
        assertThat(heard).allSatisfy(e -> {
            assertThat(e.division()).isEqualTo(100001);
            assertThat(e.endpointPath()).isEqualTo("crm/Accounts");
        });
        assertThat(sandbox.changes()).hasSize(3);
    }
}
