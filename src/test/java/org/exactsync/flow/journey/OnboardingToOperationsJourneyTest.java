package org.exactsync.flow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.flow.connect.ConnectLinks;
import org.exactsync.flow.journey.FakeCrm.Received;
import org.exactsync.flow.journey.GatewayClient.Answer;
import org.exactsync.sandbox.SandboxVariants;
import org.exactsync.sandbox.finance.SandboxFinance;
import org.exactsync.sandbox.master.MasterDataSeed;
import org.exactsync.exact.port.ConnectionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7's journey in one run, through the routes and schedules production uses, against the Exact sandbox over HTTP
 * and DynamoDB: consent → divisions → a ledger mapping with a VAT code the division lacks (reported, go-live refused)
 * → fixed → dry run answers the booking it would make and writes nothing → live → relation, invoice, a payment
 * registered in Exact, a project and its purchases → the CRM receives every callback, signed, in order → the
 * reconciliation report is clean → a bookkeeper's change in Exact shows up as drift.
 */
class OnboardingToOperationsJourneyTest {

    private static final int DIVISION = 100001;
    private static final String ADMIN = "/admin/tenants/" + JourneyConnector.TENANT;
    private static final String PERIOD = "division=" + DIVISION + "&from=2026-11-01&to=2026-11-30";

    private static final String RELATION = """
            {"id":"rel-1001","roles":["customer"],"name":"Bakkerij De Gouden Korst B.V.",
             "address":{"line1":"Dorpsstraat 12","line2":null,"postcode":"3512 AB","city":"Utrecht","country":"NL"},
             "email":"info@goudenkorst.example","phone":"+31 30 123 4567","vatNumber":"NL123456789B01",
             "chamberOfCommerce":"12345678","paymentTermDays":30,
             "contacts":[{"id":"con-1","firstName":"Anna","lastName":"de Vries",
                          "email":"anna@goudenkorst.example","phone":null,"main":true}]}""";
    private static final String INVOICE = """
            {"id":"inv-2026-0042","number":"2026-0042","kind":"invoice","creditedInvoiceId":null,
             "relationId":"rel-1001","date":"2026-11-26","dueDate":"2026-12-26","currency":"EUR",
             "description":"Consultancy november",
             "lines":[{"description":"Consultancy","revenueAccount":"8000","amount":"1000.00","vatRate":"21",
                       "vatCategory":"standard","vatAmount":"210.00","projectId":null}],
             "totalExclVat":"1000.00","totalVat":"210.00","totalInclVat":"1210.00","pdfUrl":null}""";
    private static final String PROJECT = """
            {"id":"prj-7","number":"P2026-007","description":"Nieuwe winkelinrichting","relationId":"rel-1001",
             "active":true}""";
    /** Names VAT code 99, which division 100001 does not have, for standard-rated lines. */
    private static final String MAPPING_WITH_MISSING_VAT_CODE = """
            {"salesJournal":"70","revenueAccounts":{"8000":"8000"},
             "vatCodes":{"standard|21":"99","reduced|9":"1","zero|0":"0"}}""";
    private static final String MAPPING_FIXED = """
            {"salesJournal":"70","revenueAccounts":{"8000":"8000"},
             "vatCodes":{"standard|21":"2","reduced|9":"1","zero|0":"0"},"version":1}""";

    private JourneyConnector connector;
    private GatewayClient client;

    /** Every variant of every point the reference leaves open, each preset covering one side of all of them. */
    static Stream<Arguments> variants() {
        return Stream.of(Arguments.of(Named.of("strict", SandboxVariants.strict())),
                Arguments.of(Named.of("lenient", SandboxVariants.lenient())));
    }

    private void start(SandboxVariants variants) throws Exception {
        connector = new JourneyConnector(variants);
        client = new GatewayClient(connector.gateway.baseUrl(), JourneyConnector.INBOUND_SECRET,
                JourneyConnector.ADMIN_SECRET, connector.clock);
    }

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
    }

    @ParameterizedTest(name = "sandbox variants: {0}")
    @MethodSource("variants")
    void aBusinessConnectsMapsTriesGoesLiveAndOperatesUntilDriftIsReported(SandboxVariants variants)
            throws Exception {
        start(variants);
        // 1. Connect: the signed link → 302 to Exact's consent page → Exact's redirect → the callback route.
        String link = connector.links.startUrl(JourneyConnector.TENANT).orElseThrow();
        assertThat(link).startsWith(connector.gateway.baseUrl() + ConnectLinks.START_PATH + "?");
        Answer toExact = client.browse(link, Map.of());
        assertThat(toExact.status()).as(toExact.body()).isEqualTo(302);
        assertThat(toExact.location()).startsWith(connector.sandbox.baseUrl() + "/api/oauth2/auth?");
        Answer consented = client.browse(toExact.location(), Map.of());
        assertThat(consented.status()).isEqualTo(302);
        assertThat(consented.location()).startsWith(connector.gateway.baseUrl() + "/exact/callback?")
                .contains("code=").contains("state=");
        Answer connected = client.browse(consented.location(), Map.of("Accept", "application/json"));
        assertThat(connected.status()).as(connected.body()).isEqualTo(200);
        assertThat(connected.json().get("status").asText()).isEqualTo("active");
        assertThat(connected.json().get("mode").asText()).isEqualTo("dry-run");
        assertThat(connector.connections.find(JourneyConnector.TENANT)).hasValueSatisfying(stored -> {
            assertThat(stored.status()).isEqualTo(ConnectionStatus.ACTIVE);
            assertThat(stored.site()).isEqualTo(connector.sandbox.baseUrl());
        });

        // 2. The divisions Exact listed, and the selection.
        JsonNode connection = ok(client.signed("GET", ADMIN + "/connection", ""));
        assertThat(connection.get("available").findValuesAsText("code"))
                .containsExactly("100001", "100002", "200001");
        // Two companies for this business; CRM events without divisions go to the default one.
        JsonNode selected = ok(client.signed("PUT", ADMIN + "/divisions",
                "{\"divisions\":[" + DIVISION + ",100002],\"defaultDivisions\":[" + DIVISION + "]}"));
        assertThat(selected.get("divisions").toString()).isEqualTo("[" + DIVISION + ",100002]");
        assertThat(selected.get("defaultDivisions").toString()).isEqualTo("[" + DIVISION + "]");

        // 3. A mapping naming a VAT code the division lacks: reported, and going live is refused.
        JsonNode wrong = ok(client.signed("PUT", ADMIN + "/divisions/" + DIVISION + "/ledger-mapping",
                MAPPING_WITH_MISSING_VAT_CODE));
        assertThat(wrong.get("ready").asBoolean()).isFalse();
        assertThat(errors(wrong)).singleElement().satisfies(f -> {
            assertThat(f.get("item").asText()).isEqualTo("vatCodes.standard|21");
            assertThat(f.get("message").asText()).contains("VAT code 99 does not exist");
        });
        Answer refused = client.signed("PUT", ADMIN + "/mode", "{\"mode\":\"live\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("error").asText()).isEqualTo("mapping-errors");
        assertThat(refused.json().at("/divisions/0/findings/0/item").asText()).isEqualTo("vatCodes.standard|21");
        assertThat(ok(client.signed("GET", ADMIN + "/connection", "")).get("mode").asText()).isEqualTo("dry-run");

        // 4. Fixed, replacing version 1: the check is clean.
        JsonNode fixed = ok(client.signed("PUT", ADMIN + "/divisions/" + DIVISION + "/ledger-mapping",
                MAPPING_FIXED));
        assertThat(fixed.get("ready").asBoolean()).isTrue();
        assertThat(errors(fixed)).isEmpty();
        assertThat(ok(client.signed("GET", ADMIN + "/divisions/" + DIVISION + "/ledger-mapping", ""))
                .get("ready").asBoolean()).isTrue();

        // 5. Dry run: the relation and the invoice are answered with what would be sent; Exact is not written.
        JsonNode dryRelation = ok(client.signed("POST", "/crm/relations", event("evt-dry-rel", "relation.upserted",
                RELATION)));
        assertThat(dryRelation.at("/results/0/dryRun").asBoolean()).isTrue();
        assertThat(dryRelation.at("/results/0/wouldSend/Name").asText()).isEqualTo("Bakkerij De Gouden Korst B.V.");
        JsonNode dryInvoice = ok(client.signed("POST", "/crm/invoices", event("evt-dry-inv", "invoice.created",
                INVOICE)));
        JsonNode wouldBook = dryInvoice.at("/results/0");
        assertThat(wouldBook.get("dryRun").asBoolean()).isTrue();
        assertThat(wouldBook.get("division").asInt()).isEqualTo(DIVISION);
        assertThat(wouldBook.get("journal").asText()).isEqualTo("70");
        assertThat(wouldBook.get("glAccounts").toString()).isEqualTo("[\"8000\"]");
        assertThat(wouldBook.get("totalInclVat").asText()).isEqualTo("1210.00");
        JsonNode line = wouldBook.at("/wouldPost/lines/0");
        assertThat(line.get("glAccountCode").asText()).isEqualTo("8000");
        assertThat(line.get("vatCode").asText()).isEqualTo("2");
        assertThat(new BigDecimal(line.get("amount").asText())).isEqualByComparingTo("1000.00");
        assertThat(new BigDecimal(line.get("vatAmount").asText())).isEqualByComparingTo("210.00");
        assertThat(wouldBook.at("/wouldPost/yourRef").asText()).isEqualTo("2026-0042");
        assertThat(connector.sandbox.rows(DIVISION, "salesentry/SalesEntries")).isEmpty();
        assertThat(connector.sandbox.rows(DIVISION, "crm/Accounts")).isEmpty();
        assertThat(connector.crm.received()).isEmpty();

        // 6. Live.
        assertThat(ok(client.signed("PUT", ADMIN + "/mode", "{\"mode\":\"live\"}")).get("mode").asText())
                .isEqualTo("live");

        // 7. Operations: relation, invoice, a payment in Exact, a project and purchases on its cost center.
        JsonNode relation = ok(client.signed("POST", "/crm/relations", event("evt-rel", "relation.upserted",
                RELATION)));
        String debtorNumber = relation.at("/results/0/code").asText();
        assertThat(debtorNumber).isNotBlank();
        assertThat(relation.get("results")).hasSize(1);
        assertThat(connector.sandbox.rows(100002, "crm/Accounts")).as("not a default division").isEmpty();
        JsonNode invoice = ok(client.signed("POST", "/crm/invoices", event("evt-inv", "invoice.created", INVOICE)));
        String entryId = invoice.at("/results/0/entryId").asText();
        String entryNumber = invoice.at("/results/0/entryNumber").asText();
        assertThat(connector.sandbox.rows(DIVISION, "salesentry/SalesEntries")).singleElement()
                .satisfies(e -> assertThat(String.valueOf(e.get("EntryID"))).isEqualToIgnoringCase(entryId));

        JsonNode invoiceEvent = ok(client.signed("GET", ADMIN + "/events/evt-inv", ""));
        assertThat(invoiceEvent.get("state").asText()).isEqualTo("done");
        assertThat(invoiceEvent.get("result").toString()).contains(entryId);

        // The open-item poll runs on its schedule: once with the invoice open, once after the bookkeeper
        // registered a partial payment in Exact.
        connector.openItemPoll.poll(connector.tick());
        connector.clock.advance(Duration.ofMinutes(1));
        SandboxFinance.of(connector.sandbox).registerPaymentByYourRef(DIVISION, "2026-0042",
                new BigDecimal("500.00"), LocalDate.of(2026, 11, 27));
        connector.openItemPoll.poll(connector.tick());
        connector.clock.advance(Duration.ofMinutes(1));

        JsonNode project = ok(client.signed("POST", "/crm/projects", event("evt-prj", "project.upserted",
                PROJECT)));
        String costCenter = project.at("/results/0/code").asText();
        assertThat(connector.sandbox.rows(DIVISION, "hrm/Costcenters"))
                .filteredOn(c -> costCenter.equals(c.get("Code"))).singleElement()
                .satisfies(c -> assertThat(c.get("Description")).isEqualTo("Nieuwe winkelinrichting"));
        UUID supplier = supplierInExact();
        purchaseInExact(supplier, costCenter, "80.00", "Stellingkasten");
        purchaseInExact(supplier, costCenter, "120.50", "Verlichting");
        connector.clock.advance(Duration.ofMinutes(1));
        connector.projectCosts.readBack(connector.tick());
        // Every callback was delivered when it was made; the scheduled dispatch finds nothing left.
        assertThat(connector.callbackDispatch.dispatch(connector.tick()).queues()).isZero();

        // 8. The CRM received every callback, correctly signed, in this order, with these values.
        List<Received> callbacks = connector.crm.received();
        assertThat(callbacks).allSatisfy(c -> assertThat(c.signatureValid()).as(c.type()).isTrue());
        assertThat(connector.crm.types()).containsExactly("relation.synced", "invoice.booked",
                "invoice.payment-status-changed", "project.synced", "project.costs-updated");
        assertThat(callbacks).allSatisfy(c -> assertThat(c.envelope().get("tenant").asText())
                .isEqualTo(JourneyConnector.TENANT));
        JsonNode synced = callbacks.get(0).data();
        assertThat(synced.get("relationId").asText()).isEqualTo("rel-1001");
        assertThat(synced.get("division").asInt()).isEqualTo(DIVISION);
        assertThat(synced.get("debtorNumber").asText()).isEqualTo(debtorNumber);
        JsonNode booked = callbacks.get(1).data();
        assertThat(booked.get("invoiceId").asText()).isEqualTo("inv-2026-0042");
        assertThat(booked.get("entryId").asText()).isEqualTo(entryId);
        assertThat(booked.get("entryNumber").asText()).isEqualTo(entryNumber);
        assertThat(booked.get("journal").asText()).isEqualTo("70");
        assertThat(booked.get("glAccounts").toString()).isEqualTo("[\"8000\"]");
        JsonNode paid = callbacks.get(2).data();
        assertThat(paid.get("invoiceId").asText()).isEqualTo("inv-2026-0042");
        assertThat(paid.get("status").asText()).isEqualTo("partially-paid");
        assertThat(paid.get("openAmount").asText()).isEqualTo("710.00");
        assertThat(paid.get("paidAmount").asText()).isEqualTo("500.00");
        assertThat(paid.get("lastPaymentDate").asText()).isEqualTo("2026-11-27");
        JsonNode projectSynced = callbacks.get(3).data();
        assertThat(projectSynced.get("projectId").asText()).isEqualTo("prj-7");
        assertThat(projectSynced.get("costCenterCode").asText()).isEqualTo(costCenter);
        JsonNode costs = callbacks.get(4).data();
        assertThat(costs.get("projectId").asText()).isEqualTo("prj-7");
        assertThat(costs.get("division").asInt()).isEqualTo(DIVISION);
        assertThat(costs.get("totalPurchases").asText()).isEqualTo("200.50");
        assertThat(costs.get("entries").findValuesAsText("amount")).containsExactlyInAnyOrder("80.00", "120.50");

        // 9. The reconciliation report for November is clean.
        JsonNode clean = ok(client.signed("GET", ADMIN + "/reconciliation?" + PERIOD, ""));
        assertThat(clean.get("invoicesChecked").asInt()).isEqualTo(1);
        assertThat(clean.get("relationsChecked").asInt()).isEqualTo(1);
        assertThat(clean.get("invoiceFindings").asInt()).isZero();
        assertThat(clean.get("relationFindings").asInt()).isZero();

        // 10. A bookkeeper moves the booked line to another revenue account in Exact: exactly that drift.
        moveBookedLineInExact(entryId, "8010");
        JsonNode drift = ok(client.signed("GET", ADMIN + "/reconciliation?" + PERIOD, ""));
        assertThat(drift.get("invoiceFindings").asInt()).isEqualTo(1);
        assertThat(drift.get("relationFindings").asInt()).isZero();
        JsonNode finding = drift.at("/invoices/0");
        assertThat(finding.get("invoiceId").asText()).isEqualTo("inv-2026-0042");
        assertThat(finding.get("entryId").asText()).isEqualToIgnoringCase(entryId);
        assertThat(finding.get("kind").asText()).isEqualTo("gl-changed");
        assertThat(finding.get("booked").asText()).isEqualTo("8000");
        assertThat(finding.get("exact").asText()).isEqualTo("8010");
    }

    /** A CRM envelope without {@code divisions}: the connection's default divisions apply (crm-contract.md). */
    private String event(String eventId, String type, String data) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"occurredAt\":\""
                + connector.clock.instant() + "\",\"tenant\":\"" + JourneyConnector.TENANT + "\",\"data\":" + data
                + "}";
    }

    private static JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<JsonNode> errors(JsonNode check) {
        List<JsonNode> errors = new java.util.ArrayList<>();
        check.get("findings").forEach(f -> {
            if (f.get("severity").asText().equals("error")) {
                errors.add(f);
            }
        });
        return errors;
    }

    /** A supplier the bookkeeper keeps in Exact (not a CRM relation). */
    private UUID supplierInExact() {
        Map<String, Object> created = connector.sandbox.inDivision(DIVISION, (data, context) -> connector.sandbox
                .entitySet("crm/Accounts").orElseThrow().create(data, new HashMap<>(Map.of("Name",
                        "Interieurbouw Stevig B.V.", "IsSupplier", true)), context));
        return UUID.fromString(String.valueOf(created.get("ID")));
    }

    /** A supplier's invoice booked by the bookkeeper in Exact's purchase journal on the project's cost center. */
    private void purchaseInExact(UUID supplier, String costCenter, String amount, String description) {
        Map<String, Object> line = new HashMap<>();
        line.put("GLAccount", MasterDataSeed.id(DIVISION, "gl", "4010"));
        line.put("AmountFC", new BigDecimal(amount));
        line.put("VATCode", "2");
        line.put("CostCenter", costCenter);
        line.put("Description", description);
        Map<String, Object> body = new HashMap<>();
        body.put("Journal", "60");
        body.put("Supplier", supplier);
        body.put("EntryDate", "2026-11-27");
        body.put("YourRef", description);
        body.put("PurchaseEntryLines", List.of(line));
        SandboxFinance.of(connector.sandbox).bookPurchaseEntry(DIVISION, body);
    }

    /** Changes the GL account of the entry's line in Exact's own data, as a bookkeeper's screen does. */
    private void moveBookedLineInExact(String entryId, String glCode) {
        Map<String, Object> line = connector.sandbox.rows(DIVISION, "salesentry/SalesEntryLines").stream()
                .filter(l -> String.valueOf(l.get("EntryID")).equalsIgnoreCase(entryId)).findFirst().orElseThrow();
        connector.sandbox.inDivision(DIVISION, (data, context) -> {
            connector.sandbox.entitySet("salesentry/SalesEntryLines").orElseThrow().update(data, line.get("ID"),
                    new HashMap<>(Map.of("GLAccount", MasterDataSeed.id(DIVISION, "gl", glCode))), context);
            return null;
        });
    }
}
