package org.exactsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exactsync.exact.model.FinancialPeriod;
import org.exactsync.exact.model.GlAccount;
import org.exactsync.exact.model.Journal;
import org.exactsync.exact.model.PaymentCondition;
import org.exactsync.exact.model.VatCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SalesEntryMapperTest {

    static final int DIVISION = 100001;
    static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-00000000c001");

    private final SalesEntryMapper mapper = new SalesEntryMapper();

    @ParameterizedTest(name = "{0} {1} % → VAT code {2}")
    @CsvSource({
        "standard, 21, 2, 1000.00, 210.00",
        "reduced, 9, 1, 1000.00, 90.00",
        "zero, 0, 0, 1000.00, 0.00",
        "exempt, 0, 0, 1000.00, 0.00",
        "reverse-charge, 0, 4, 1000.00, 0.00",
        "intra-eu, 0, 5, 1000.00, 0.00",
        "export, 0, 6, 1000.00, 0.00",
    })
    void resolvesTheVatCodeFromCategoryAndRate(String category, String rate, String code, String amount,
            String vat) {
        InvoiceCreated invoice = invoice(List.of(line("8000", amount, rate, category, vat, null)));

        SalesEntryDraft draft = ready(mapper.plan(invoice, LedgerMapping.dutchStandard(), master(), context()));

        assertThat(draft.lines()).singleElement().satisfies(l -> {
            assertThat(l.vatCode()).isEqualTo(code);
            assertThat(l.vatAmount()).isEqualByComparingTo(vat);
            assertThat(l.glAccount()).isEqualTo(id("gl", "8000"));
        });
    }

    @Test
    void sendsTheCrmsVatPerLineSoExactEndsWithTheCrmsTotal() {
        // 3 × 0.50 at 21 %: per line 0.105 → 0.11 (0.33 in all); on the total 0.315 → 0.32. The CRM says 0.33.
        List<InvoiceLine> lines = List.of(line("8000", "0.50", "21", "standard", "0.11", null),
                line("8000", "0.50", "21", "standard", "0.11", null),
                line("8000", "0.50", "21", "standard", "0.11", null));
        InvoiceCreated invoice = invoice(lines, "1.50", "0.33", "1.83");

        SalesEntryDraft draft = ready(mapper.plan(invoice, LedgerMapping.dutchStandard(), master(), context()));

        assertThat(draft.lines()).extracting(SalesEntryLineDraft::vatAmount).allSatisfy(v ->
                assertThat(v).isEqualByComparingTo("0.11"));
        assertThat(draft.vatAmount()).isEqualByComparingTo("0.33");
        assertThat(draft.lines().stream().map(SalesEntryLineDraft::vatAmount).reduce(BigDecimal.ZERO,
                BigDecimal::add)).isEqualByComparingTo(draft.vatAmount());
    }

    @Test
    void mapsTheHeaderWithTheNumberAsYourRefAndThePeriodAndPaymentCondition() {
        SalesEntryDraft draft = ready(mapper.plan(invoice(List.of(line("8000", "1000.00", "21", "standard",
                "210.00", null))), LedgerMapping.dutchStandard(), master(), context()));

        assertThat(draft.journal()).isEqualTo("70");
        assertThat(draft.customer()).isEqualTo(CUSTOMER);
        assertThat(draft.type()).isEqualTo(20);
        assertThat(draft.yourRef()).isEqualTo("2026-0042");
        assertThat(draft.entryDate()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(draft.reportingYear()).isEqualTo(2026);
        assertThat(draft.reportingPeriod()).isEqualTo(11);
        assertThat(draft.paymentCondition()).isEqualTo("30");
        assertThat(draft.glAccountCodes()).containsExactly("8000");
    }

    @Test
    void aCreditNoteIsTypeTwentyOneWithNegativeAmountsAndTheCreditedNumber() {
        InvoiceCreated credit = new InvoiceCreated("inv-cn-1", "2026-0043", "credit-note", "inv-2026-0042",
                "rel-1001", "2026-11-26", "2026-12-26", "EUR", "Credit",
                List.of(line("8000", "-100.00", "21", "standard", "-21.00", null)), "-100.00", "-21.00", "-121.00",
                null);
        BookingContext context = new BookingContext(DIVISION, CUSTOMER, Map.of(), "2026-0042");

        SalesEntryDraft draft = ready(mapper.plan(credit, LedgerMapping.dutchStandard(), master(), context));

        assertThat(draft.type()).isEqualTo(21);
        assertThat(draft.lines().get(0).amount()).isEqualByComparingTo("-100.00");
        assertThat(draft.lines().get(0).vatAmount()).isEqualByComparingTo("-21.00");
        assertThat(draft.paymentReference()).isEqualTo("2026-0042");
    }

    @Test
    void putsALineOnItsProjectsCostCenter() {
        BookingContext context = new BookingContext(DIVISION, CUSTOMER, Map.of("prj-7", "P7"), null);

        SalesEntryDraft draft = ready(mapper.plan(invoice(List.of(line("8000", "1000.00", "21", "standard",
                "210.00", "prj-7"))), LedgerMapping.dutchStandard(), master(), context));

        assertThat(draft.lines().get(0).costCenter()).isEqualTo("P7");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "year not set up | 8000 | 1000.00 | 21 | standard | 210.00 | 2030-01-15 | financial year of 2030-01-15 is not set up",
        "closed period | 8000 | 1000.00 | 21 | standard | 210.00 | 2026-10-15 | period 2026/10 of journal 70 is closed",
        "blocked GL | 8999 | 1000.00 | 21 | standard | 210.00 | 2026-11-26 | GL account 8999 is blocked",
        "receivables GL | 1300 | 1000.00 | 21 | standard | 210.00 | 2026-11-26 | GL account 1300 is of type 20",
        "cost center mandatory | 4010 | 1000.00 | 21 | standard | 210.00 | 2026-11-26 | needs a cost center",
    })
    void refusesWhatExactWouldRejectNamingTheReason(String title, String revenue, String amount, String rate,
            String category, String vat, String date, String reason) {
        Map<String, String> accounts = Map.of("8000", "8000", "8999", "8999", "1300", "1300", "4010", "4010");
        LedgerMapping ledger = new LedgerMapping("70", accounts, LedgerMapping.dutchStandard().vatCodes(), null);
        InvoiceCreated invoice = new InvoiceCreated("inv-1", "2026-0042", "invoice", null, "rel-1001", date, null,
                "EUR", null, List.of(line(revenue, amount, rate, category, vat, null)), amount, vat,
                new BigDecimal(amount).add(new BigDecimal(vat)).toPlainString(), null);

        BookingPlan plan = mapper.plan(invoice, ledger, master(), context());

        assertThat(plan).isInstanceOfSatisfying(BookingPlan.Refused.class, refused ->
                assertThat(String.join("; ", refused.reasons())).contains(reason));
    }

    @Test
    void namesTheLedgerMappingsGapsApartFromRefusalsWhenOnlyTheMappingLacksEntries() {
        InvoiceCreated invoice = invoice(List.of(line("9999", "100.00", "21", "standard", "21.00", null),
                line("8000", "100.00", "6", "reduced", "6.00", null)), "200.00", "27.00", "227.00");

        BookingPlan plan = mapper.plan(invoice, LedgerMapping.dutchStandard(), master(), context());

        assertThat(plan).isInstanceOfSatisfying(BookingPlan.Unmapped.class, u -> assertThat(u.gaps()).containsExactly(
                "data.lines[0].revenueAccount: no GL account for revenue account 9999 (revenueAccounts)",
                "data.lines[1].vatCategory: no VAT code for VAT category reduced at 6 % (vatCodes.reduced|6)"));
    }

    @Test
    void refusesAnInvoiceWithAGapAndAClosedPeriodNamingBoth() {
        InvoiceCreated invoice = new InvoiceCreated("inv-1", "2026-0042", "invoice", null, "rel-1001", "2026-10-15",
                null, "EUR", null, List.of(line("9999", "100.00", "21", "standard", "21.00", null)), "100.00",
                "21.00", "121.00", null);

        BookingPlan plan = mapper.plan(invoice, LedgerMapping.dutchStandard(), master(), context());

        assertThat(plan).isInstanceOfSatisfying(BookingPlan.Refused.class, r -> assertThat(r.reasons())
                .anySatisfy(s -> assertThat(s).contains("period 2026/10 of journal 70 is closed"))
                .anySatisfy(s -> assertThat(s).contains("revenue account 9999")));
    }

    @Test
    void refusesAJournalThatIsNotASalesJournal() {
        LedgerMapping purchase = new LedgerMapping("60", Map.of("8000", "8000"), Map.of("standard|21", "2"), null);

        BookingPlan plan = mapper.plan(invoice(List.of(line("8000", "1000.00", "21", "standard", "210.00", null))),
                purchase, master(), context());

        assertThat(plan).isInstanceOfSatisfying(BookingPlan.Refused.class, r ->
                assertThat(r.reasons()).singleElement().asString().contains("journal 60").contains("not a sales"));
    }

    @Test
    void refusesAnInclusiveOrWrongRateVatCode() {
        LedgerMapping ledger = new LedgerMapping("70", Map.of("8000", "8000"),
                Map.of("standard|21", "3", "reduced|9", "2"), null);
        InvoiceCreated invoice = invoice(List.of(line("8000", "100.00", "21", "standard", "21.00", null),
                line("8000", "100.00", "9", "reduced", "9.00", null)), "200.00", "30.00", "230.00");

        BookingPlan plan = mapper.plan(invoice, ledger, master(), context());

        assertThat(plan).isInstanceOfSatisfying(BookingPlan.Refused.class, r -> assertThat(r.reasons())
                .anySatisfy(s -> assertThat(s).startsWith("data.lines[0]").contains("includes VAT"))
                .anySatisfy(s -> assertThat(s).startsWith("data.lines[1]").contains("is 21 %")));
    }

    @Test
    void usesTheDefaultRevenueAccountOnlyWhenOneIsConfigured() {
        LedgerMapping withDefault = new LedgerMapping("70", Map.of(), LedgerMapping.dutchStandard().vatCodes(),
                "8000");

        SalesEntryDraft draft = ready(mapper.plan(invoice(List.of(line("unknown", "1000.00", "21", "standard",
                "210.00", null))), withDefault, master(), context()));

        assertThat(draft.glAccountCodes()).containsExactly("8000");
    }

    @Test
    void takesTheRelationsConditionWhenTheInvoiceHasNoDueDate() {
        BookingContext context = new BookingContext(DIVISION, CUSTOMER, Map.of(), null, "14");

        SalesEntryDraft draft = ready(mapper.plan(withoutDueDate(), withoutDefaultCondition(), master(), context));

        assertThat(draft.paymentCondition()).isEqualTo("14");
        assertThat(draft.dueDate()).isNull();
    }

    @Test
    void takesTheMappingsDefaultConditionWhenNeitherTheInvoiceNorTheRelationGivesOne() {
        SalesEntryDraft draft = ready(mapper.plan(withoutDueDate(), LedgerMapping.dutchStandard(), master(),
                context()));

        assertThat(draft.paymentCondition()).isEqualTo("30");
    }

    @Test
    void keepsTheDueDateAndSendsTheRelationsConditionWhenTheTermMatchesNone() {
        InvoiceCreated odd = new InvoiceCreated("inv-2026-0042", "2026-0042", "invoice", null, "rel-1001",
                "2026-11-26", "2026-12-13", "EUR", "Consultancy november",
                List.of(line("8000", "1000.00", "21", "standard", "210.00", null)), "1000.00", "210.00", "1210.00",
                null);
        BookingContext context = new BookingContext(DIVISION, CUSTOMER, Map.of(), null, "14");

        SalesEntryDraft draft = ready(mapper.plan(odd, withoutDefaultCondition(), master(), context));

        assertThat(draft.paymentCondition()).isEqualTo("14");
        assertThat(draft.dueDate()).isEqualTo(LocalDate.of(2026, 12, 13));
    }

    @Test
    void waitsOnTheMappingWhenNoConditionCanBeChosenNamingTheField() {
        BookingPlan plan = mapper.plan(withoutDueDate(), withoutDefaultCondition(), master(), context());

        assertThat(plan).isInstanceOf(BookingPlan.Unmapped.class);
        assertThat(((BookingPlan.Unmapped) plan).gaps()).singleElement().asString()
                .startsWith("data.dueDate: the invoice has no due date").contains("division " + DIVISION)
                .endsWith("(defaultPaymentCondition)");
    }

    @Test
    void waitsOnTheMappingWhenItsDefaultConditionIsUnknownInTheDivision() {
        LedgerMapping unknown = new LedgerMapping("70", Map.of("8000", "8000"),
                LedgerMapping.dutchStandard().vatCodes(), null, "45");

        BookingPlan plan = mapper.plan(withoutDueDate(), unknown, master(), context());

        assertThat(plan).isInstanceOf(BookingPlan.Unmapped.class);
        assertThat(((BookingPlan.Unmapped) plan).gaps()).singleElement().asString()
                .contains("default payment condition 45 does not exist");
    }

    private static InvoiceCreated withoutDueDate() {
        return new InvoiceCreated("inv-2026-0042", "2026-0042", "invoice", null, "rel-1001", "2026-11-26", null,
                "EUR", "Consultancy november", List.of(line("8000", "1000.00", "21", "standard", "210.00", null)),
                "1000.00", "210.00", "1210.00", null);
    }

    private static LedgerMapping withoutDefaultCondition() {
        LedgerMapping standard = LedgerMapping.dutchStandard();
        return new LedgerMapping(standard.salesJournal(), standard.revenueAccounts(), standard.vatCodes(), null);
    }

    static InvoiceCreated invoice(List<InvoiceLine> lines) {
        return invoice(lines, "1000.00", lines.get(0).vatAmount(),
                new BigDecimal("1000.00").add(new BigDecimal(lines.get(0).vatAmount())).toPlainString());
    }

    static InvoiceCreated invoice(List<InvoiceLine> lines, String excl, String vat, String incl) {
        return new InvoiceCreated("inv-2026-0042", "2026-0042", "invoice", null, "rel-1001", "2026-11-26",
                "2026-12-26", "EUR", "Consultancy november", lines, excl, vat, incl, null);
    }

    static InvoiceLine line(String revenue, String amount, String rate, String category, String vat, String project) {
        return new InvoiceLine("Consultancy", revenue, amount, rate, category, vat, project);
    }

    static BookingContext context() {
        return new BookingContext(DIVISION, CUSTOMER, Map.of(), null);
    }

    private static SalesEntryDraft ready(BookingPlan plan) {
        assertThat(plan).isInstanceOf(BookingPlan.Ready.class);
        return ((BookingPlan.Ready) plan).draft();
    }

    /** Like the sandbox's seed: 2026 set up, period 10 of journal 70 closed. */
    static FinanceMasterData master() {
        List<FinancialPeriod> periods = new ArrayList<>();
        for (int p = 1; p <= 12; p++) {
            LocalDate start = LocalDate.of(2026, p, 1);
            periods.add(new FinancialPeriod(2026, p, start, start.plusMonths(1).minusDays(1)));
        }
        return new FinanceMasterData(
                List.of(new Journal(id("journal", "70"), "70", "Verkoopboek", 20, false),
                        new Journal(id("journal", "60"), "60", "Inkoopboek", 22, false)),
                List.of(gl("8000", 110, 0, false), gl("8999", 110, 0, true), gl("1300", 20, 2, false),
                        gl("4010", 120, 1, false)),
                List.of(vat("0", "0", "B", "B"), vat("1", "0.09", "E", "B"), vat("2", "0.21", "E", "B"),
                        vat("3", "0.21", "I", "B"), vat("4", "0", "E", "B"), vat("5", "0", "E", "S"),
                        vat("6", "0", "B", "S")),
                periods, List.of(new ClosedPeriod("70", 2026, 10)),
                List.of(new PaymentCondition("14", "14 dagen", 14), new PaymentCondition("30", "30 dagen", 30)));
    }

    private static GlAccount gl(String code, int type, int useCostcenter, boolean blocked) {
        return new GlAccount(id("gl", code), code, "GL " + code, type, "W", useCostcenter, blocked);
    }

    private static VatCode vat(String code, String percentage, String type, String transactionType) {
        return new VatCode(id("vat", code), code, "VAT " + code, type, transactionType, new BigDecimal(percentage),
                false);
    }

    static UUID id(String kind, String code) {
        return UUID.nameUUIDFromBytes((kind + code).getBytes());
    }
}
