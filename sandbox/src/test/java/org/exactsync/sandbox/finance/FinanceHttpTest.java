package org.exactsync.sandbox.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.SandboxHttp;
import org.exactsync.sandbox.limits.RateLimits;
import org.exactsync.sandbox.master.MasterDataSeed;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The finance endpoints through the core sandbox's HTTP layer: paging, sync and $select rules, webhooks. */
class FinanceHttpTest {

    private static final int DIVISION = 100001;
    private static final int BULK_DIVISION = 100002;
    private static final String SECRET = "finance-webhook-secret";

    static ExactSandbox sandbox;
    static SandboxHttp http;
    static SandboxFinance finance;
    static String customer;

    @BeforeAll
    static void start() {
        sandbox = ExactSandbox.builder().clock(AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:00:00Z")))
                .rateLimits(new RateLimits(100_000, 1_000_000)).webhookSecret(SECRET)
                .webhookTls(LocalReceiverTls.clientContext()).build().start();
        http = new SandboxHttp(sandbox).connected();
        finance = SandboxFinance.of(sandbox);
        customer = createCustomer(DIVISION);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String createCustomer(int division) {
        HttpResponse<String> created = http.post("/api/v1/" + division + "/crm/Accounts",
                "{\"Name\":\"Acme BV\",\"Status\":\"C\",\"PaymentConditionSales\":\"30\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return http.json(created).path("d").path("ID").asText();
    }

    private static String revenueGl(int division) {
        return MasterDataSeed.id(division, "gl", "8000").toString();
    }

    private static String salesEntryJson(String yourRef, String amount) {
        return "{\"Journal\":\"70\",\"Customer\":\"" + customer + "\",\"EntryDate\":\"2026-11-20T00:00:00\","
                + "\"YourRef\":\"" + yourRef + "\",\"SalesEntryLines\":[{\"GLAccount\":\"" + revenueGl(DIVISION)
                + "\",\"AmountFC\":\"" + amount + "\",\"VATCode\":\"2\"}]}";
    }

    private static JsonNode postSalesEntry(String yourRef, String amount) {
        HttpResponse<String> response = http.post("/api/v1/" + DIVISION + "/salesentry/SalesEntries",
                salesEntryJson(yourRef, amount));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return http.json(response).path("d");
    }

    @Test
    void postsASalesEntryAndReadsItsPaymentTermBack() {
        JsonNode entry = postSalesEntry("HTTP-1", "100.00");
        assertThat(entry.path("AmountFC").decimalValue()).isEqualByComparingTo("121.00");
        assertThat(entry.path("SalesEntryLines").path("results")).hasSize(1);
        String entryId = entry.path("EntryID").asText();

        HttpResponse<String> receivable = http.get("/api/v1/" + DIVISION + "/cashflow/Receivables?$filter="
                + "TransactionEntryID eq guid'" + entryId + "'&$select=AmountDC,IsFullyPaid,Status,YourRef");
        assertThat(receivable.statusCode()).as(receivable.body()).isEqualTo(200);
        JsonNode row = http.json(receivable).path("d").path("results").get(0);
        assertThat(row.path("YourRef").asText()).isEqualTo("HTTP-1");
        assertThat(row.path("IsFullyPaid").asBoolean()).isFalse();
        assertThat(row.path("AmountDC").decimalValue()).isEqualByComparingTo("-121.00");
    }

    @Test
    void readsAnEntrysLinesInlineOnlyWhenExpandedAndDeferredOtherwise() {
        String entryId = postSalesEntry("HTTP-EXPAND", "50.00").path("EntryID").asText();
        String byId = "/api/v1/" + DIVISION + "/salesentry/SalesEntries?$filter=EntryID eq guid'" + entryId
                + "'&$select=EntryID,SalesEntryLines";

        JsonNode plain = http.json(http.get(byId)).path("d").path("results").get(0).path("SalesEntryLines");
        JsonNode expanded = http.json(http.get(byId + "&$expand=SalesEntryLines")).path("d").path("results").get(0)
                .path("SalesEntryLines");

        assertThat(plain.path("__deferred").path("uri").asText())
                .endsWith("/salesentry/SalesEntries(guid'" + entryId + "')/SalesEntryLines");
        assertThat(plain.has("results")).isFalse();
        assertThat(expanded.path("results")).hasSize(1);
        assertThat(expanded.path("results").get(0).path("AmountFC").decimalValue()).isEqualByComparingTo("50.00");
    }

    @Test
    void answersValidationErrorsInExactsErrorBody() {
        HttpResponse<String> response = http.post("/api/v1/" + DIVISION + "/salesentry/SalesEntries",
                salesEntryJson("HTTP-ERR", "1.00").replace("\"Journal\":\"70\",", ""));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(http.json(response).path("error").path("message").path("value").asText())
                .isEqualTo("Verplicht: Dagboek");
    }

    @Test
    void receivablesDemandSelectOrTopOne() {
        HttpResponse<String> bare = http.get("/api/v1/" + DIVISION + "/cashflow/Receivables");
        assertThat(bare.statusCode()).isEqualTo(400);
        assertThat(bare.body()).contains("Please add a $select or a $top=1 statement to the query string.");
        assertThat(http.get("/api/v1/" + DIVISION + "/cashflow/Receivables?$top=1").statusCode()).isEqualTo(200);
    }

    @Test
    void bulkTransactionLinesAndPurchaseEntriesDemandSelect() {
        for (String path : List.of("bulk/Financial/TransactionLines", "purchaseentry/PurchaseEntries")) {
            HttpResponse<String> bare = http.get("/api/v1/" + DIVISION + "/" + path);
            assertThat(bare.statusCode()).as(path).isEqualTo(400);
            assertThat(bare.body()).as(path).contains("Please add a $select");
            assertThat(http.get("/api/v1/" + DIVISION + "/" + path + "?$select=EntryID").statusCode()).as(path)
                    .isEqualTo(200);
        }
    }

    @Test
    void syncEndpointsRefuseFiltersOtherThanTimestamp() {
        HttpResponse<String> response = http.get("/api/v1/" + DIVISION
                + "/sync/Cashflow/PaymentTerms?$filter=LineType eq 20");
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void syncTransactionLinesPageByThousandWithInt64Skiptoken() {
        String bulkCustomer = createCustomer(BULK_DIVISION);
        finance.seedOpenItems(BULK_DIVISION, 400, UUID.fromString(bulkCustomer), new BigDecimal("10.00"), "2",
                LocalDate.of(2026, 11, 2), "BULK-");

        HttpResponse<String> first = http.get("/api/v1/" + BULK_DIVISION
                + "/sync/Financial/TransactionLines?$filter=Timestamp gt 1L&$select=Timestamp,EntryID,AmountDC");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode page = http.json(first).path("d");
        assertThat(page.path("results")).hasSize(1000);
        String next = page.path("__next").asText();
        long lastTimestamp = page.path("results").get(999).path("Timestamp").asLong();
        assertThat(next).containsPattern("skiptoken=" + lastTimestamp + "L");

        int total = 1000;
        long previous = lastTimestamp;
        while (!next.isEmpty()) {
            JsonNode more = http.json(http.getAbsolute(next)).path("d");
            for (JsonNode row : more.path("results")) {
                assertThat(row.path("Timestamp").asLong()).isGreaterThan(previous);
                previous = row.path("Timestamp").asLong();
                total++;
            }
            next = more.path("__next").asText();
        }
        assertThat(total).isEqualTo(1200);

        HttpResponse<String> after = http.get("/api/v1/" + BULK_DIVISION
                + "/sync/Financial/TransactionLines?$filter=Timestamp gt " + previous + "L");
        assertThat(http.json(after).path("d").path("results")).isEmpty();
    }

    @Test
    void receivablesListShrinksWithPaymentsOverHttp() {
        JsonNode entry = postSalesEntry("HTTP-PAY", "100.00");
        UUID entryId = UUID.fromString(entry.path("EntryID").asText());
        String query = "/api/v1/" + DIVISION + "/read/financial/ReceivablesList?$filter=YourRef eq 'HTTP-PAY'";

        finance.registerPayment(DIVISION, entryId, new BigDecimal("21.00"), LocalDate.of(2026, 11, 25));
        JsonNode partly = http.json(http.get(query)).path("d").path("results");
        assertThat(partly).hasSize(1);
        assertThat(partly.get(0).path("Amount").decimalValue()).isEqualByComparingTo("100.00");

        finance.payInFull(DIVISION, entryId, LocalDate.of(2026, 11, 26));
        assertThat(http.json(http.get(query)).path("d").path("results")).isEmpty();
    }

    @Test
    void deletingOverHttpLogsTransactionLinesInSyncDeleted() {
        JsonNode entry = postSalesEntry("HTTP-DEL", "5.00");
        String entryId = entry.path("EntryID").asText();
        HttpResponse<String> deleted = http.delete("/api/v1/" + DIVISION + "/salesentry/SalesEntries(guid'"
                + entryId + "')");
        assertThat(deleted.statusCode()).isEqualTo(204);

        JsonNode log = http.json(http.get("/api/v1/" + DIVISION + "/sync/Deleted?$filter=Timestamp gt 1L"))
                .path("d").path("results");
        long transactionLines = 0;
        for (JsonNode row : log) {
            if (row.path("EntityType").asInt() == 1) {
                transactionLines++;
            }
        }
        assertThat(transactionLines).isGreaterThanOrEqualTo(3);
    }

    @Test
    void deliversSignedNotificationsAfterAnEmptyValidationPost() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            HttpResponse<String> subscribed = http.post("/api/v1/" + DIVISION + "/webhooks/WebhookSubscriptions",
                    "{\"CallbackURL\":\"" + receiver.url() + "\",\"Topic\":\"SalesEntries\"}");
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(5)).until(() -> !receiver.received.isEmpty());
            assertThat(receiver.received.get(0).contentLength()).isEqualTo("0");
            assertThat(receiver.received.get(0).body()).isEmpty();

            String entryId = postSalesEntry("HTTP-HOOK", "10.00").path("EntryID").asText();
            await().atMost(Duration.ofSeconds(5)).until(() -> !receiver.notifications().isEmpty());

            String raw = new String(receiver.notifications().get(0).body(), StandardCharsets.UTF_8);
            String prefix = "{\"Content\":";
            int hashAt = raw.lastIndexOf(",\"HashCode\":\"");
            assertThat(raw).startsWith(prefix);
            String content = raw.substring(prefix.length(), hashAt);
            String hashCode = raw.substring(hashAt + ",\"HashCode\":\"".length(), raw.length() - 2);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().withUpperCase()
                    .formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
            assertThat(hashCode).isEqualTo(expected).matches("[0-9A-F]{64}");

            JsonNode parsed = new ObjectMapper().readTree(content);
            assertThat(parsed.path("Topic").asText()).isEqualTo("SalesEntries");
            assertThat(parsed.path("Action").asText()).isEqualTo("Create");
            assertThat(parsed.path("Division").asInt()).isEqualTo(DIVISION);
            assertThat(parsed.path("Key").asText()).isEqualTo(entryId);
            assertThat(parsed.path("ClientId").asText()).isEqualTo(sandbox.clientId());
            assertThat(parsed.path("ExactOnlineEndpoint").asText()).isEqualTo(sandbox.baseUrl() + "/api/v1/"
                    + DIVISION + "/salesentry/SalesEntries(guid'" + entryId + "')");

            String subscriptionId = http.json(subscribed).path("d").path("ID").asText();
            assertThat(http.delete("/api/v1/" + DIVISION + "/webhooks/WebhookSubscriptions(guid'" + subscriptionId
                    + "')").statusCode()).isEqualTo(204);
        }
    }

    @Test
    void canDropAndDuplicateNotifications() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            HttpResponse<String> subscribed = http.post("/api/v1/" + DIVISION + "/webhooks/WebhookSubscriptions",
                    "{\"CallbackURL\":\"" + receiver.url() + "\",\"Topic\":\"FinancialTransactions\"}");
            assertThat(subscribed.statusCode()).isEqualTo(201);
            finance.webhooks().faults().dropNext(1);
            postSalesEntry("HTTP-DROP", "1.00");
            finance.webhooks().faults().duplicateNext(1);
            postSalesEntry("HTTP-DUP", "1.00");
            assertThat(finance.webhooks().awaitIdle(Duration.ofSeconds(5))).isTrue();

            List<WebhookReceiver.Received> notes = receiver.notifications();
            assertThat(notes).hasSize(2);
            assertThat(notes.get(0).body()).isEqualTo(notes.get(1).body());
            assertThat(finance.webhooks().deliveries()).anySatisfy(d -> assertThat(d.dropped()).isTrue())
                    .anySatisfy(d -> assertThat(d.duplicate()).isTrue());

            String subscriptionId = http.json(subscribed).path("d").path("ID").asText();
            http.delete("/api/v1/" + DIVISION + "/webhooks/WebhookSubscriptions(guid'" + subscriptionId + "')");
        }
    }

    @Test
    void refusesSubscriptionWithoutCallbackAndHasNoPut() {
        HttpResponse<String> missing = http.post("/api/v1/" + DIVISION + "/webhooks/WebhookSubscriptions",
                "{\"Topic\":\"Accounts\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Verplicht: CallbackURL");
        HttpResponse<String> put = http.put("/api/v1/" + DIVISION + "/webhooks/WebhookSubscriptions(guid'"
                + UUID.randomUUID() + "')", "{\"Topic\":\"Accounts\"}");
        assertThat(put.statusCode()).isEqualTo(405);
    }

    @Test
    void acceptsDocumentedFieldsInSelectAndFilterEvenWhenLeftNull() {
        finance.bookPurchaseOnCostCenter(DIVISION, "60", UUID.fromString(createSupplier(DIVISION)),
                MasterDataSeed.id(DIVISION, "gl", "4000"), "100", new BigDecimal("80.00"), "2",
                LocalDate.of(2026, 11, 3), "SUP-HTTP");
        HttpResponse<String> response = http.get("/api/v1/" + DIVISION + "/bulk/Financial/TransactionLines"
                + "?$select=EntryID,LineNumber,CostCenter,ProjectCode,AmountDC"
                + "&$filter=Type eq 30 and CostCenter eq '100'");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode rows = http.json(response).path("d").path("results");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("AmountDC").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(rows.get(0).path("ProjectCode").isNull()).isTrue();
    }

    @Test
    void movingADivisionSetsDivisionMoveDateAndRenumbersSyncTimestamps() {
        int moved = 200001;
        String belgian = createCustomer(moved);
        finance.seedOpenItems(moved, 3, UUID.fromString(belgian), new BigDecimal("10.00"), "2",
                LocalDate.of(2026, 11, 2), "MOVE-");
        String query = "/api/v1/" + moved + "/sync/Cashflow/PaymentTerms?$filter=Timestamp gt 1L";
        long before = http.json(http.get(query)).path("d").path("results").get(2).path("Timestamp").asLong();

        long base = finance.moveDivision(moved, Instant.parse("2026-11-26T09:00:00Z"));

        JsonNode after = http.json(http.get(query)).path("d").path("results");
        assertThat(after).hasSize(3);
        assertThat(after.get(0).path("Timestamp").asLong()).isGreaterThanOrEqualTo(base).isGreaterThan(before);
        JsonNode division = http.json(http.get("/api/v1/" + moved + "/system/Divisions?$filter=Code eq " + moved
                + "&$select=Code,DivisionMoveDate")).path("d").path("results").get(0);
        assertThat(division.path("DivisionMoveDate").asText()).startsWith("/Date(");
    }

    private static String createSupplier(int division) {
        HttpResponse<String> created = http.post("/api/v1/" + division + "/crm/Accounts",
                "{\"Name\":\"Levering BV\",\"IsSupplier\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return http.json(created).path("d").path("ID").asText();
    }

    @Test
    void notifiesAccountChangesTheCorePublishes() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            HttpResponse<String> subscribed = http.post("/api/v1/" + DIVISION + "/webhooks/WebhookSubscriptions",
                    "{\"CallbackURL\":\"" + receiver.url() + "\",\"Topic\":\"Accounts\"}");
            assertThat(subscribed.statusCode()).isEqualTo(201);
            String accountId = createCustomer(DIVISION);
            await().atMost(Duration.ofSeconds(5)).until(() -> !receiver.notifications().isEmpty());

            String raw = new String(receiver.notifications().get(0).body(), StandardCharsets.UTF_8);
            assertThat(raw).contains("\"Topic\":\"Accounts\"").contains("\"Key\":\"" + accountId + "\"")
                    .contains("/crm/Accounts(guid'" + accountId + "')");
            String subscriptionId = http.json(subscribed).path("d").path("ID").asText();
            http.delete("/api/v1/" + DIVISION + "/webhooks/WebhookSubscriptions(guid'" + subscriptionId + "')");
        }
    }
}
