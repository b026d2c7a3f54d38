package org.exactsync.sandbox.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.SandboxHttp;
import org.exactsync.sandbox.limits.RateLimits;
import org.exactsync.sandbox.master.MasterDataSeed;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Entity rules over HTTP: lines refused in a header PUT (docs/exact-reference.md §1.7), {@code bulk/Cashflow/Receivables}
 * (§5.13), a division move regenerating the timestamps of every sync family (§5.17), https-only webhook callbacks
 * (§6.1).
 */
class EntityRulesHttpTest {

    private static final int DIVISION = 100001;
    private static final String API = "/api/v1/" + DIVISION + "/";

    private static ExactSandbox sandbox;
    private static SandboxHttp http;
    private static SandboxFinance finance;
    private static String customer;

    @BeforeAll
    static void start() {
        sandbox = ExactSandbox.builder().clock(AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:00:00Z")))
                .rateLimits(new RateLimits(100_000, 1_000_000)).maxErrorsPerHour(1_000)
                .webhookTls(LocalReceiverTls.clientContext()).build().start();
        http = new SandboxHttp(sandbox).connected();
        finance = SandboxFinance.of(sandbox);
        customer = customer(DIVISION, "Regels BV");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String customer(int division, String name) {
        HttpResponse<String> created = http.post("/api/v1/" + division + "/crm/Accounts",
                "{\"Name\":\"" + name + "\",\"Status\":\"C\",\"PaymentConditionSales\":\"30\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return http.json(created).path("d").path("ID").asText();
    }

    private static String line(String amount) {
        return "{\"GLAccount\":\"" + MasterDataSeed.id(DIVISION, "gl", "8000") + "\",\"AmountFC\":\"" + amount
                + "\",\"VATCode\":\"2\"}";
    }

    private static JsonNode salesEntry(String yourRef) {
        HttpResponse<String> response = http.post(API + "salesentry/SalesEntries",
                "{\"Journal\":\"70\",\"Customer\":\"" + customer + "\",\"EntryDate\":\"2026-11-20T00:00:00\","
                        + "\"YourRef\":\"" + yourRef + "\",\"SalesEntryLines\":[" + line("100.00") + "]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return http.json(response).path("d");
    }

    @Test
    void refusesAHeaderPutThatCarriesLinesAndChangesNothing() {
        String id = salesEntry("PUT-LINES").path("EntryID").asText();

        HttpResponse<String> put = http.put(API + "salesentry/SalesEntries(guid'" + id + "')",
                "{\"YourRef\":\"PUT-LINES-2\",\"SalesEntryLines\":[" + line("50.00") + "]}");

        assertThat(put.statusCode()).as(put.body()).isEqualTo(400);
        assertThat(http.json(put).path("error").path("message").path("value").asText())
                .isEqualTo("Niet toegestaan: SalesEntryLines");
        JsonNode stored = http.json(http.get(API + "salesentry/SalesEntries(guid'" + id + "')?$expand=SalesEntryLines"))
                .path("d");
        assertThat(stored.path("YourRef").asText()).isEqualTo("PUT-LINES");
        assertThat(stored.path("SalesEntryLines").path("results")).hasSize(1);
        assertThat(http.put(API + "salesentry/SalesEntries(guid'" + id + "')", "{\"YourRef\":\"PUT-LINES-3\"}")
                .statusCode()).as("a header PUT without lines still works").isEqualTo(204);
    }

    @Test
    void servesBulkReceivablesWithTheFieldsOfCashflowReceivablesAndRequiresSelect() {
        String entryId = salesEntry("BULK-REC").path("EntryID").asText();
        String select = "$select=ID,TransactionEntryID,YourRef,AmountDC,TransactionAmountDC,IsFullyPaid,Status,DueDate";

        HttpResponse<String> bulk = http.get(API + "bulk/Cashflow/Receivables?" + select
                + "&$filter=YourRef eq 'BULK-REC'");
        HttpResponse<String> single = http.get(API + "cashflow/Receivables?" + select
                + "&$filter=YourRef eq 'BULK-REC'");

        assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
        JsonNode bulkRows = http.json(bulk).path("d").path("results");
        assertThat(bulkRows).hasSize(1);
        assertThat(bulkRows.get(0).path("TransactionEntryID").asText()).isEqualTo(entryId);
        JsonNode singleRow = http.json(single).path("d").path("results").get(0);
        List<String> bulkFields = new ArrayList<>();
        bulkRows.get(0).fieldNames().forEachRemaining(bulkFields::add);
        List<String> singleFields = new ArrayList<>();
        singleRow.fieldNames().forEachRemaining(singleFields::add);
        assertThat(bulkFields).isEqualTo(singleFields);
        assertThat(bulkRows.get(0).path("AmountDC").decimalValue())
                .isEqualByComparingTo(singleRow.path("AmountDC").decimalValue());
        assertThat(http.get(API + "bulk/Cashflow/Receivables").statusCode()).as("$select required").isEqualTo(400);
        assertThat(http.post(API + "bulk/Cashflow/Receivables", "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void pagesBulkReceivablesAThousandAtATime() {
        int division = 100002;
        String payer = customer(division, "Veel Facturen BV");
        finance.seedOpenItems(division, 1_001, UUID.fromString(payer), new BigDecimal("10.00"), "2",
                LocalDate.of(2026, 11, 2), "PAGE-");

        JsonNode first = http.json(http.get("/api/v1/" + division + "/bulk/Cashflow/Receivables?$select=ID,YourRef"))
                .path("d");

        assertThat(first.path("results")).hasSize(1_000);
        assertThat(first.path("__next").asText()).contains("bulk/Cashflow/Receivables").contains("$skiptoken=");
        assertThat(http.json(http.getAbsolute(first.path("__next").asText())).path("d").path("results")).hasSize(1);
    }

    @Test
    void movingADivisionRegeneratesTheTimestampsOfEverySyncFamily() {
        int moved = 200001;
        String account = customer(moved, "Verhuisd BV");
        HttpResponse<String> contact = http.post("/api/v1/" + moved + "/crm/Contacts",
                "{\"Account\":\"" + account + "\",\"LastName\":\"Peeters\"}");
        assertThat(contact.statusCode()).as(contact.body()).isEqualTo(201);
        finance.seedOpenItems(moved, 2, UUID.fromString(account), new BigDecimal("10.00"), "2",
                LocalDate.of(2026, 11, 2), "MOVED-");
        List<String> feeds = List.of("sync/CRM/Accounts", "sync/CRM/Contacts", "sync/Financial/TransactionLines",
                "sync/Cashflow/PaymentTerms");
        long highestBefore = 0;
        for (String feed : feeds) {
            for (JsonNode row : syncRows(moved, feed)) {
                highestBefore = Math.max(highestBefore, row.path("Timestamp").asLong());
            }
        }

        long first = finance.moveDivision(moved, Instant.parse("2026-11-26T09:00:00Z"));

        assertThat(first).isGreaterThan(highestBefore);
        for (String feed : feeds) {
            List<JsonNode> rows = syncRows(moved, feed);
            assertThat(rows).as(feed).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.path("Timestamp").asLong()).as(feed).isGreaterThanOrEqualTo(first));
        }
        assertThat(syncRows(moved, "sync/CRM/Accounts")).extracting(r -> r.path("ID").asText()).contains(account);
    }

    @Test
    void refusesAPlainHttpCallbackUrl() {
        HttpResponse<String> plain = http.post(API + "webhooks/WebhookSubscriptions",
                "{\"CallbackURL\":\"http://127.0.0.1:8090/exact/webhooks\",\"Topic\":\"Accounts\"}");

        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(http.json(plain).path("error").path("message").path("value").asText())
                .isEqualTo("Ongeldig: CallbackURL");
    }

    @Test
    void keepsOnlyTheSubscriptionWhoseValidationPostWasAnswered() throws Exception {
        try (WebhookReceiver failing = new WebhookReceiver(500); WebhookReceiver fine = new WebhookReceiver()) {
            assertThat(subscribe(failing.url()).statusCode()).as("the POST itself succeeds").isEqualTo(201);
            assertThat(subscribe(fine.url()).statusCode()).isEqualTo(201);
            assertThat(finance.webhooks().awaitIdle(java.time.Duration.ofSeconds(5))).isTrue();

            JsonNode kept = http.json(http.get(API + "webhooks/WebhookSubscriptions")).path("d").path("results");
            List<String> urls = new ArrayList<>();
            kept.forEach(r -> urls.add(r.path("CallbackURL").asText()));
            assertThat(urls).contains(fine.url()).doesNotContain(failing.url());
            kept.forEach(r -> http.delete(API + "webhooks/WebhookSubscriptions(guid'" + r.path("ID").asText() + "')"));
        }
    }

    private static HttpResponse<String> subscribe(String url) {
        return http.post(API + "webhooks/WebhookSubscriptions", "{\"CallbackURL\":\"" + url + "\",\"Topic\":\"Accounts\"}");
    }

    private static List<JsonNode> syncRows(int division, String feed) {
        HttpResponse<String> response = http.get("/api/v1/" + division + "/" + feed + "?$filter=Timestamp gt 1L");
        assertThat(response.statusCode()).as(feed + " " + response.body()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        http.json(response).path("d").path("results").forEach(rows::add);
        return rows;
    }
}
