package org.exactsync.flow.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exactsync.flow.invoice.InvoiceFlowFixture.DIVISION;
import static org.exactsync.flow.invoice.InvoiceFlowFixture.INVOICE;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.exactsync.crm.inbound.Outcome;
import org.exactsync.sandbox.faults.FaultRule;
import org.exactsync.sandbox.master.MasterDataSeed;
import org.exactsync.mapping.LedgerMapping;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The invoice flow against the Exact sandbox over HTTP with its mappings in DynamoDB. */
class InvoicePostingAgainstSandboxTest {

    private final InvoiceFlowFixture flow = new InvoiceFlowFixture();

    @AfterEach
    void stop() {
        flow.close();
    }

    @Test
    void booksTwentyOneNineAndZeroPercentLinesWithExactsTotalsEqualToTheCrms() {
        String customer = flow.syncRelation("rel-1001", "NL123456789B01");
        String invoice = flow.invoice("inv-1", "2026-0001", "invoice", List.of(
                new String[] {"8000", "1000.00", "21", "standard", "210.00"},
                new String[] {"8010", "250.00", "9", "reduced", "22.50"},
                new String[] {"8000", "99.99", "0", "zero", "0.00"}));

        Outcome outcome = flow.process(flow.handler(), invoice);

        BookingResult result = booked(outcome);
        assertThat(result.glAccounts()).containsExactly("8000", "8010");
        assertThat(result.journal()).isEqualTo("70");
        Map<String, Object> entry = single("2026-0001");
        assertThat(entry.get("EntryID").toString()).isEqualTo(result.entryId());
        assertThat(String.valueOf(entry.get("EntryNumber"))).isEqualTo(result.entryNumber());
        assertThat(entry.get("Customer").toString()).isEqualTo(customer);
        assertThat(amount(entry, "AmountFC")).isEqualByComparingTo("1582.49");
        assertThat(amount(entry, "VATAmountFC")).isEqualByComparingTo("232.50");
        assertThat(lines(entry)).extracting(l -> l.get("VATCode").toString().strip()).containsExactly("2", "1", "0");
        assertThat(flow.callbacks.ofType(InvoiceBooked.TYPE)).singleElement().satisfies(c -> assertThat(c.data())
                .isEqualTo(new InvoiceBooked("inv-1", DIVISION, result.entryId(), result.entryNumber(), "70",
                        List.of("8000", "8010"))));
        MappingRecord mapping = flow.mappings.find(key("inv-1")).orElseThrow();
        assertThat(mapping.exactId()).isEqualTo(result.entryId());
        assertThat(mapping.exactCode()).isEqualTo(result.entryNumber());
        assertThat(mapping.exactId()).isNotNull();
        assertThat(mapping.sentValues()).containsEntry("invoiceNumber", "2026-0001")
                .containsEntry("journal", "70").containsEntry("kind", "invoice").containsEntry("accountId", customer)
                .containsEntry("totalExclVat", "1349.99").containsEntry("totalVat", "232.50")
                .containsEntry("totalInclVat", "1582.49").containsEntry("entryDate", "2026-11-26")
                .containsEntry("dueDate", "2026-12-26").containsEntry("glAccounts", "8000,8010")
                .containsEntry("relationId", "rel-1001").containsEntry("currency", "EUR")
                .doesNotContainKey("creditedInvoiceId");
    }

    @Test
    void booksReverseChargeAndExportLinesWithoutVat() {
        flow.syncRelation("rel-1001", "BE0123456789");
        String invoice = flow.invoice("inv-2", "2026-0002", "invoice", List.of(
                new String[] {"8100", "500.00", "0", "reverse-charge", "0.00"},
                new String[] {"8100", "300.00", "0", "export", "0.00"},
                new String[] {"8100", "200.00", "0", "intra-eu", "0.00"}));

        booked(flow.process(flow.handler(), invoice));

        Map<String, Object> entry = single("2026-0002");
        assertThat(amount(entry, "AmountFC")).isEqualByComparingTo("1000.00");
        assertThat(amount(entry, "VATAmountFC")).isEqualByComparingTo("0");
        assertThat(lines(entry)).extracting(l -> l.get("VATCode").toString().strip()).containsExactly("4", "6", "5");
    }

    @Test
    void exactEndsWithTheCrmsVatWhenPerLineRoundingDiffersFromTotalRounding() {
        flow.syncRelation("rel-1001", "NL123456789B01");
        // 3 × 0.50 at 21 %: 0.105 → 0.11 per line = 0.33; Exact's own total rounding would give 0.32.
        String[] line = {"8000", "0.50", "21", "standard", "0.11"};
        String invoice = flow.invoice("inv-3", "2026-0003", "invoice", List.of(line, line, line));

        booked(flow.process(flow.handler(), invoice));

        Map<String, Object> entry = single("2026-0003");
        assertThat(amount(entry, "VATAmountFC")).isEqualByComparingTo("0.33");
        assertThat(amount(entry, "AmountFC")).isEqualByComparingTo("1.83");
    }

    @Test
    void exactEndsWithTheCrmsVatWhenTheCrmRoundedOnTheTotalAndSpreadItOverTheLines() {
        flow.syncRelation("rel-1001", "NL123456789B01");
        // The CRM rounds 1.50 × 21 % = 0.315 to 0.32 on the total and spreads it 0.11 + 0.11 + 0.10; Exact's own
        // per-line rounding would book 0.33. Only the per-line VATAmountFC makes Exact end at the CRM's 0.32.
        String invoice = flow.invoice("inv-3b", "2026-0003B", "invoice", List.of(
                new String[] {"8000", "0.50", "21", "standard", "0.11"},
                new String[] {"8000", "0.50", "21", "standard", "0.11"},
                new String[] {"8000", "0.50", "21", "standard", "0.10"}));

        booked(flow.process(flow.handler(), invoice));

        Map<String, Object> entry = single("2026-0003B");
        assertThat(amount(entry, "VATAmountFC")).isEqualByComparingTo("0.32");
        assertThat(amount(entry, "AmountFC")).isEqualByComparingTo("1.82");
        assertThat(lines(entry)).extracting(l -> amount(l, "VATAmountFC")).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.11"), new BigDecimal("0.11"), new BigDecimal("0.10"));
    }

    @Test
    void booksACreditNoteNegativeAsTypeTwentyOneLinkedToTheOriginal() {
        flow.syncRelation("rel-1001", "NL123456789B01");
        booked(flow.process(flow.handler(), INVOICE));
        String credit = flow.with(flow.invoice("inv-cn-1", "2026-0043", "credit-note", List.<String[]>of(
                new String[] {"8000", "-100.00", "21", "standard", "-21.00"})),
                Map.of("creditedInvoiceId", "inv-2026-0042"));

        booked(flow.process(flow.handler(), credit));

        Map<String, Object> entry = single("2026-0043");
        assertThat(entry.get("Type")).isEqualTo(21);
        assertThat(amount(entry, "AmountFC")).isEqualByComparingTo("-121.00");
        assertThat(amount(entry, "VATAmountFC")).isEqualByComparingTo("-21.00");
        assertThat(entry.get("PaymentReference")).isEqualTo("2026-0042");
        assertThat(flow.mappings.find(key("inv-cn-1")).orElseThrow().sentValues())
                .containsEntry("kind", "credit-note").containsEntry("creditedInvoiceId", "inv-2026-0042")
                .containsEntry("totalInclVat", "-121.00");
    }

    @Test
    void putsALineOnItsProjectsCostCenter() {
        flow.syncRelation("rel-1001", "NL123456789B01");
        flow.syncProject("prj-7", "200");
        String invoice = flow.invoice("inv-4", "2026-0004", "invoice", List.<String[]>of(
                new String[] {"8000", "100.00", "21", "standard", "21.00", "prj-7"},
                new String[] {"8000", "50.00", "21", "standard", "10.50"}));

        booked(flow.process(flow.handler(), invoice));

        assertThat(lines(single("2026-0004"))).extracting(l -> l.get("CostCenter")).containsExactly("200", null);
    }

    @Test
    void anInvoiceForAnUnsyncedRelationWaitsWithoutCallingExactAndBooksOnceTheRelationIsSynced() {
        InvoicePostingHandler handler = flow.handler();
        int before = flow.calls();

        Outcome waiting = flow.process(handler, INVOICE, "evt-1");

        assertThat(waiting).isInstanceOfSatisfying(Outcome.Waiting.class, w ->
                assertThat(w.reason()).contains("relation rel-1001"));
        assertThat(flow.calls()).isEqualTo(before);
        assertThat(flow.entries()).isEmpty();
        flow.syncRelation("rel-1001", "NL123456789B01");

        booked(flow.process(handler, INVOICE, "evt-1"));
        assertThat(flow.entries("2026-0042")).hasSize(1);
    }

    @Test
    void aLineOnAnUnsyncedProjectWaits() {
        flow.syncRelation("rel-1001", "NL123456789B01");
        String invoice = flow.invoice("inv-5", "2026-0005", "invoice", List.<String[]>of(
                new String[] {"8000", "100.00", "21", "standard", "21.00", "prj-9"}));

        assertThat(flow.process(flow.handler(), invoice)).isInstanceOfSatisfying(Outcome.Waiting.class, w ->
                assertThat(w.reason()).contains("project prj-9"));
    }

    @Test
    void aLineWaitsWhileItsProjectsCostCenterIsOnlyClaimed() {
        flow.syncRelation("rel-1001", "NL123456789B01");
        flow.claimProject("prj-8", "200");
        String invoice = flow.invoice("inv-6", "2026-0006", "invoice", List.<String[]>of(
                new String[] {"8000", "100.00", "21", "standard", "21.00", "prj-8"}));

        assertThat(flow.process(flow.handler(), invoice)).isInstanceOfSatisfying(Outcome.Waiting.class, w ->
                assertThat(w.reason()).contains("project prj-8"));
        assertThat(flow.entries("2026-0006")).isEmpty();
    }

    @Test
    void anUnmappedRevenueAccountWaitsForTheMappingNamingItWithoutAnExactCallOnceMasterDataIsCached() {
        flow.syncRelation("rel-1001", "NL123456789B01");
        InvoicePostingHandler handler = flow.handler();
        booked(flow.process(handler, INVOICE));
        int before = flow.calls();
        String invoice = flow.invoice("inv-6", "2026-0006", "invoice", List.<String[]>of(
                new String[] {"7777", "100.00", "21", "standard", "21.00"}));

        Outcome outcome = flow.process(handler, invoice);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.ConfigurationGap.class, gap -> {
            assertThat(gap.division()).isEqualTo(DIVISION);
            assertThat(gap.reason()).startsWith("ledger mapping of division " + DIVISION)
                    .contains("data.lines[0].revenueAccount").contains("revenue account 7777");
        });
        assertThat(flow.calls()).isEqualTo(before);
    }

    @Test
    void anUnmappedVatCategoryAndRateWaitsForTheMappingWithoutAnExactCall() {
        flow.syncRelation("rel-1001", "NL123456789B01");
        InvoicePostingHandler handler = flow.handler();
        booked(flow.process(handler, INVOICE));
        int before = flow.calls();
        String invoice = flow.invoice("inv-7", "2026-0007", "invoice", List.<String[]>of(
                new String[] {"8000", "100.00", "6", "reduced", "6.00"}));

        Outcome outcome = flow.process(handler, invoice);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.ConfigurationGap.class, gap ->
                assertThat(gap.reason()).contains("VAT category reduced at 6 %").contains("vatCodes.reduced|6"));
        assertThat(flow.calls()).isEqualTo(before);
    }

    @Test
    void aClosedPeriodIsRefusedWithoutAPost() {
        flow.syncRelation("rel-1001", "NL123456789B01");
        MasterDataSeed.closePeriod(flow.sandbox.division(DIVISION), "70", 2026, 11);

        Outcome outcome = flow.process(flow.handler(), INVOICE);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f ->
                assertThat(f.reason()).contains("period 2026/11 of journal 70 is closed"));
        assertThat(flow.sandbox.calls().totalCalls(DIVISION, "salesentry/SalesEntries")).isZero();
    }

    @Test
    void costsOneExactCallPerBookingOnceMasterDataIsCachedEvenOnAColdInstance() {
        flow.syncRelation("rel-1001", "NL123456789B01");
        booked(flow.process(flow.handler(), INVOICE));
        int before = flow.calls();

        booked(flow.process(flow.handler(), flow.invoice("inv-8", "2026-0008", "invoice", List.<String[]>of(
                new String[] {"8000", "10.00", "21", "standard", "2.10"}))));

        assertThat(flow.calls() - before).isEqualTo(1);
    }

    @Test
    void aDuplicateDeliveryCostsNoExactCallAndAnswersTheSameBooking() {
        flow.syncRelation("rel-1001", "NL123456789B01");
        InvoicePostingHandler handler = flow.handler();
        BookingResult first = booked(flow.process(handler, INVOICE));
        int before = flow.calls();

        BookingResult again = booked(flow.process(handler, INVOICE));

        assertThat(flow.calls()).isEqualTo(before);
        assertThat(again).isEqualTo(first);
        assertThat(flow.entries("2026-0042")).hasSize(1);
        assertThat(flow.callbacks.ofType(InvoiceBooked.TYPE)).hasSize(1);
    }

    @Test
    void dryRunAnswersExactlyWhatWouldBePostedAndPostsNothing() {
        flow.syncRelation("rel-1001", "NL123456789B01");
        flow.dryRun();

        Outcome outcome = flow.process(flow.handler(), INVOICE);

        BookingResult result = only(outcome);
        assertThat(result.dryRun()).isTrue();
        assertThat(result.entryId()).isNull();
        assertThat(result.wouldPost().journal()).isEqualTo("70");
        assertThat(result.wouldPost().yourRef()).isEqualTo("2026-0042");
        assertThat(result.wouldPost().lines()).singleElement().satisfies(l -> {
            assertThat(l.glAccountCode()).isEqualTo("8000");
            assertThat(l.vatCode()).isEqualTo("2");
            assertThat(l.vatAmount()).isEqualByComparingTo("210.00");
        });
        assertThat(flow.calls("salesentry/SalesEntries")).isZero();
        assertThat(flow.mappings.find(key("inv-2026-0042"))).isEmpty();
        assertThat(flow.callbacks.ofType(InvoiceBooked.TYPE)).isEmpty();
    }

    @Test
    void dryRunBeforeTheRelationIsInExactStillAnswersTheEntryItWouldPostAndWhatItWaitsFor() {
        flow.dryRun();

        BookingResult result = only(flow.process(flow.handler(), INVOICE));

        assertThat(result.dryRun()).isTrue();
        assertThat(result.waitsFor()).isEqualTo("relation rel-1001");
        assertThat(result.journal()).isEqualTo("70");
        assertThat(result.glAccounts()).containsExactly("8000");
        assertThat(result.wouldPost().customer()).as("not in Exact yet").isNull();
        assertThat(result.wouldPost().lines()).singleElement().satisfies(l -> {
            assertThat(l.glAccountCode()).isEqualTo("8000");
            assertThat(l.vatCode()).isEqualTo("2");
            assertThat(l.amount()).isEqualByComparingTo("1000.00");
            assertThat(l.vatAmount()).isEqualByComparingTo("210.00");
        });
        assertThat(flow.calls("salesentry/SalesEntries")).isZero();
        assertThat(flow.mappings.find(key("inv-2026-0042"))).isEmpty();
    }

    @Test
    void dryRunWaitingForARelationWithAMappingThatCannotBookAnswersOnlyWhatItWaitsFor() {
        flow.dryRun();
        flow.ledgers.save(InvoiceFlowFixture.TENANT, DIVISION, new LedgerMapping("70", Map.of("8000", "8000"),
                Map.of("standard|21", "99"), null), 1).orElseThrow();

        BookingResult result = only(flow.process(flow.handler(), INVOICE));

        assertThat(result.waitsFor()).isEqualTo("relation rel-1001");
        assertThat(result.wouldPost()).isNull();
        assertThat(result.journal()).isNull();
    }

    @Test
    void anExactRejectionFailsFinallyAndAFixedRetryBooksOnce() {
        flow.syncRelation("rel-1001", "NL123456789B01");
        flow.sandbox.inject(FaultRule.status(400).on("POST", "salesentry/SalesEntries").times(1));

        Outcome rejected = flow.process(flow.handler(), INVOICE);

        assertThat(rejected).isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.retryable()).isFalse());
        booked(flow.process(flow.handler(), INVOICE));
        assertThat(flow.entries("2026-0042")).hasSize(1);
    }

    private static MappingKey key(String invoiceId) {
        return new MappingKey(InvoiceFlowFixture.TENANT, DIVISION, EntityKind.INVOICE, invoiceId);
    }

    private Map<String, Object> single(String yourRef) {
        List<Map<String, Object>> entries = flow.entries(yourRef);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    static BookingResult booked(Outcome outcome) {
        BookingResult result = only(outcome);
        assertThat(result.entryId()).isNotNull();
        return result;
    }

    static BookingResult only(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        List<?> results = (List<?>) ((Outcome.Done) outcome).results();
        assertThat(results).hasSize(1);
        return (BookingResult) results.get(0);
    }

    static BigDecimal amount(Map<String, Object> row, String field) {
        return new BigDecimal(row.get(field).toString());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> lines(Map<String, Object> entry) {
        return (List<Map<String, Object>>) entry.get("SalesEntryLines");
    }
}
