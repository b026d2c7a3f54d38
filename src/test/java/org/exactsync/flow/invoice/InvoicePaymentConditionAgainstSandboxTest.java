package org.exactsync.flow.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exactsync.flow.invoice.InvoiceFlowFixture.DIVISION;
import static org.exactsync.flow.invoice.InvoiceFlowFixture.INVOICE;
import static org.exactsync.flow.invoice.InvoiceFlowFixture.TENANT;
import static org.exactsync.flow.invoice.InvoicePostingAgainstSandboxTest.booked;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exactsync.crm.inbound.Outcome;
import org.exactsync.exact.ExactValidationException;
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.ExactAccount;
import org.exactsync.mapping.AccountFieldNames;
import org.exactsync.mapping.LedgerMapping;
import org.exactsync.mapping.SalesEntryDraft;
import org.exactsync.mapping.SalesEntryLineDraft;
import org.exactsync.sandbox.ExactValues;
import org.exactsync.sandbox.master.MasterDataSeed;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The payment condition of a sales entry in a division without a default one, where Exact refuses an entry that
 * neither names a condition nor has a customer with one ("Verplicht: Betalingsconditie", docs/exact-reference.md
 * §4.3): the connector sends the relation's condition or the ledger mapping's default, and with neither the invoice
 * waits on the mapping before any call to Exact.
 */
class InvoicePaymentConditionAgainstSandboxTest {

    private final InvoiceFlowFixture flow = new InvoiceFlowFixture();
    private final InvoicePostingHandler handler = flow.handler();

    @BeforeEach
    void divisionWithoutDefaultCondition() {
        MasterDataSeed.defaultPaymentCondition(flow.sandbox.division(DIVISION), null);
    }

    @AfterEach
    void stop() {
        flow.close();
    }

    @Test
    void anInvoiceWithoutADueDateBooksWithTheLedgerMappingsDefaultCondition() {
        flow.syncRelation("rel-1001", "NL123456789B01");

        booked(flow.process(handler, withoutDueDate("inv-nodue", "2026-0101")));

        Map<String, Object> entry = single("2026-0101");
        assertThat(entry.get("PaymentCondition")).isEqualTo("30");
        assertThat(entry.get("DueDate")).isEqualTo(day("2026-12-26"));
    }

    @Test
    void anInvoiceWithoutADueDateBooksWithTheRelationsConditionWhenTheMappingHasNoDefault() {
        mappingWithoutDefaultCondition();
        relationWithCondition("rel-1001", "14");

        booked(flow.process(handler, withoutDueDate("inv-nodue", "2026-0102")));

        Map<String, Object> entry = single("2026-0102");
        assertThat(entry.get("PaymentCondition")).isEqualTo("14");
        assertThat(entry.get("DueDate")).isEqualTo(day("2026-12-10"));
    }

    @Test
    void aTermMatchingNoConditionKeepsItsDueDateAndBooksWithTheDefaultCondition() {
        flow.syncRelation("rel-1001", "NL123456789B01");

        booked(flow.process(handler, flow.with(withoutDueDate("inv-odd", "2026-0103"),
                Map.of("dueDate", "2026-12-17"))));

        Map<String, Object> entry = single("2026-0103");
        assertThat(entry.get("PaymentCondition")).isEqualTo("30");
        assertThat(entry.get("DueDate")).isEqualTo(day("2026-12-17"));
    }

    @Test
    void withNeitherARelationConditionNorADefaultTheInvoiceWaitsOnTheMappingWithoutCallingExact() {
        mappingWithoutDefaultCondition();
        flow.syncRelation("rel-1001", "NL123456789B01");
        // Warm: the division's master data is read once, by an invoice whose term gives its condition.
        booked(flow.process(handler, INVOICE));
        int callsBefore = flow.calls();

        Outcome outcome = flow.process(handler, withoutDueDate("inv-nodue", "2026-0104"));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.ConfigurationGap.class, gap -> {
            assertThat(gap.division()).isEqualTo(DIVISION);
            assertThat(gap.reason()).startsWith("ledger mapping of division " + DIVISION)
                    .contains("data.dueDate: the invoice has no due date").contains("(defaultPaymentCondition)");
        });
        assertThat(flow.calls()).as("no Exact call").isEqualTo(callsBefore);
        assertThat(flow.entries("2026-0104")).isEmpty();
        assertThat(flow.mappings.find(new MappingKey(TENANT, DIVISION, EntityKind.INVOICE, "inv-nodue")))
                .as("nothing claimed").isEmpty();
    }

    @Test
    void exactItselfRefusesSuchAnEntrySoTheGuardIsNeeded() {
        String customer = flow.syncRelation("rel-1001", "NL123456789B01");
        SalesEntryDraft withoutCondition = new SalesEntryDraft("70", UUID.fromString(customer),
                SalesEntryDraft.SALES_ENTRY, LocalDate.of(2026, 11, 26), null, 2026, 11, null, "2026-0105", null,
                "EUR", null, new BigDecimal("2.10"), List.of(new SalesEntryLineDraft(
                        MasterDataSeed.id(DIVISION, "gl", "8000"), "8000", BigDecimal.TEN, "2", new BigDecimal("2.10"),
                        null, null)));

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> flow.client.createSalesEntry(
                flow.target(), SalesEntryRequest.body(withoutCondition)));

        assertThat(refused).isInstanceOf(ExactValidationException.class)
                .hasMessageContaining("Verplicht: Betalingsconditie");
    }

    private void mappingWithoutDefaultCondition() {
        LedgerMapping standard = LedgerMapping.dutchStandard();
        flow.ledgers.save(TENANT, DIVISION, new LedgerMapping(standard.salesJournal(), standard.revenueAccounts(),
                standard.vatCodes(), null), 1).orElseThrow();
    }

    /** What the relation flow leaves behind for a relation with a payment term: the condition on both sides. */
    private void relationWithCondition(String relationId, String condition) {
        ExactAccount account = flow.client.createAccount(flow.target(), AccountFields.none()
                .name("Klant " + relationId).status("C").country("NL").paymentConditionSales(condition));
        flow.mappings.createIfAbsent(new MappingKey(TENANT, DIVISION, EntityKind.RELATION, relationId),
                new MappingChange(account.id().toString(), account.code(), null,
                        Map.of(AccountFieldNames.PAYMENT_CONDITION_SALES, condition)));
    }

    private String withoutDueDate(String id, String number) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("id", id);
        fields.put("number", number);
        fields.put("dueDate", null);
        return flow.with(INVOICE, fields);
    }

    private Map<String, Object> single(String yourRef) {
        List<Map<String, Object>> entries = flow.entries(yourRef);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private static Instant day(String isoDate) {
        return ExactValues.startOfDay(LocalDate.parse(isoDate));
    }
}
