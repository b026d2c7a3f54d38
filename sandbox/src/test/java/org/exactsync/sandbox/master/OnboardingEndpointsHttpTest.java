package org.exactsync.sandbox.master;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.SandboxHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What onboarding reads: bulk accounts and contacts, the account sync feed with $select, account deletions. */
class OnboardingEndpointsHttpTest {

    private static final int DIVISION = 100001;
    private static final String API = "/api/v1/" + DIVISION + "/";
    private ExactSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = SandboxHttp.frozenSandbox();
        http = new SandboxHttp(sandbox).connected();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static List<Map<String, Object>> accounts(int count) {
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Code", String.valueOf(i));
            body.put("Name", "Relatie " + i);
            body.put("Country", "NL");
            bodies.add(body);
        }
        return bodies;
    }

    private List<JsonNode> allPages(String first) {
        List<JsonNode> pages = new ArrayList<>();
        JsonNode page = http.json(http.get(API + first)).path("d");
        pages.add(page);
        while (page.hasNonNull("__next")) {
            page = http.json(http.getAbsolute(page.path("__next").asText())).path("d");
            pages.add(page);
        }
        return pages;
    }

    @Test
    void seedsTenThousandAccountsThroughTheAccountRules() {
        List<Map<String, Object>> created = AccountSeeder.seed(sandbox, DIVISION, accounts(10_000));

        assertThat(created).hasSize(10_000);
        assertThat(created.get(0).get("Code")).isEqualTo("                 1");
        assertThat(created.get(0).get("Country")).isEqualTo("NL ");
        assertThat(sandbox.rows(DIVISION, AccountsSet.PATH)).hasSize(10_000);
    }

    @Test
    void seedingRefusesAnAccountWithoutCode() {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("Name", "Zonder code"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AccountSeeder.seed(sandbox, DIVISION, List.of(body)))
                .hasMessageContaining("Code");
        assertThat(sandbox.rows(DIVISION, AccountsSet.PATH)).isEmpty();
    }

    @Test
    void bulkAccountsPageByAThousandWithOnlyTheSelectedFields() {
        AccountSeeder.seed(sandbox, DIVISION, accounts(2_500));

        List<JsonNode> pages = allPages("bulk/CRM/Accounts?$select=ID,Code&$filter=Blocked eq false");

        assertThat(pages).extracting(p -> p.path("results").size()).containsExactly(1000, 1000, 500);
        JsonNode first = pages.get(0).path("results").get(0);
        assertThat(first.has("Name")).isFalse();
        assertThat(first.has("Code")).isTrue();
    }

    @Test
    void bulkContactsDemandSelectAndPageByAThousand() {
        List<Map<String, Object>> created = AccountSeeder.seed(sandbox, DIVISION, accounts(1));
        String account = created.get(0).get("ID").toString();
        // Straight into the set (61 calls a minute would hit the rate limit): the contacts' own create rules.
        sandbox.inDivision(DIVISION, (data, context) -> {
            for (int i = 0; i < 1_001; i++) {
                sandbox.entitySet(ContactsSet.PATH).orElseThrow().create(data,
                        Map.of("Account", account, "LastName", "Contact " + i), context);
            }
            return null;
        });
        assertThat(http.get(API + "bulk/CRM/Contacts?$filter=Account eq guid'" + account + "'").statusCode())
                .isEqualTo(400);

        List<JsonNode> pages = allPages("bulk/CRM/Contacts?$select=ID,Email&$filter=Account eq guid'" + account + "'");

        assertThat(pages).extracting(p -> p.path("results").size()).containsExactly(1000, 1);
    }

    @Test
    void syncAccountsHonourSelect() {
        AccountSeeder.seed(sandbox, DIVISION, accounts(3));

        JsonNode rows = http.json(http.get(API + "sync/CRM/Accounts?$filter=Timestamp gt 1L&$select=ID,Name,Timestamp"))
                .path("d").path("results");

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).has("Name")).isTrue();
        assertThat(rows.get(0).has("Code")).isFalse();
        assertThat(rows.get(0).has("Postcode")).isFalse();
    }

    @Test
    void deletedAccountsAndContactsAreListedInSyncDeletedWithTheirEntityTypes() {
        String account = AccountSeeder.seed(sandbox, DIVISION, accounts(1)).get(0).get("ID").toString();
        String contact = http.json(http.post(API + "crm/Contacts", "{\"Account\":\"" + account
                + "\",\"LastName\":\"Weg\"}")).path("d").path("ID").asText();

        http.delete(API + "crm/Contacts(guid'" + contact + "')");
        http.delete(API + "crm/Accounts(guid'" + account + "')");
        JsonNode deleted = http.json(http.get(API + "sync/Deleted?$filter=Timestamp gt 1L"
                + "&$select=EntityKey,EntityType,Timestamp")).path("d").path("results");

        assertThat(deleted).extracting(r -> r.path("EntityType").asInt() + ":" + r.path("EntityKey").asText())
                .containsExactly("5:" + contact, "2:" + account);
    }
}
