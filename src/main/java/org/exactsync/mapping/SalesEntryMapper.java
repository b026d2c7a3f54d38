package org.exactsync.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.exactsync.exact.model.FinancialPeriod;
import org.exactsync.exact.model.GlAccount;
import org.exactsync.exact.model.Journal;
import org.exactsync.exact.model.PaymentCondition;
import org.exactsync.exact.model.VatCode;

/**
 * A validated CRM invoice → the {@code SalesEntries} POST for one division, checked against the division's cached
 * master data first. Every check here is one Exact would make (docs/exact-reference.md §4.3, §8.3); failing it here costs
 * no call and none of Exact's 10 errors per hour. Pure.
 */
public final class SalesEntryMapper {

    /** Journal types that take sales entries: 20 sales, 21 return invoices. */
    static final Set<Integer> SALES_JOURNALS = Set.of(20, 21);
    /** Money and control accounts Exact refuses on an entry line: cash, bank, card, PSP, AR, AP, VAT. */
    static final Set<Integer> NOT_ON_A_LINE = Set.of(10, 12, 14, 16, 20, 22, 24);
    static final Set<String> CHARGED_CATEGORIES = Set.of("standard", "reduced");

    public BookingPlan plan(InvoiceCreated invoice, LedgerMapping ledger, FinanceMasterData master,
            BookingContext context) {
        List<String> reasons = new ArrayList<>();
        int division = context.division();
        String journalCode = ledger.salesJournal();
        Optional<Journal> journal = master.journal(journalCode);
        if (journal.isEmpty()) {
            reasons.add("sales journal " + journalCode + " does not exist in division " + division);
        } else if (!SALES_JOURNALS.contains(journal.get().type())) {
            reasons.add("journal " + journalCode + " in division " + division + " is not a sales journal (type "
                    + journal.get().type() + ")");
        } else if (journal.get().blocked()) {
            reasons.add("sales journal " + journalCode + " is blocked in division " + division);
        }
        LocalDate date = LocalDate.parse(invoice.date());
        Optional<FinancialPeriod> period = master.periodOf(date);
        if (period.isEmpty()) {
            reasons.add("data.date: the financial year of " + date + " is not set up in division " + division
                    + " (Exact: Unknown: Financial year); the bookkeeper must create it");
        } else if (master.isClosed(journalCode, period.get())) {
            reasons.add("data.date: period " + period.get().year() + "/" + period.get().period() + " of journal "
                    + journalCode + " is closed in division " + division);
        }
        List<SalesEntryLineDraft> lines = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        for (int i = 0; i < invoice.lines().size(); i++) {
            line(i, invoice.lines().get(i), ledger, master, context, reasons, gaps).ifPresent(lines::add);
        }
        LocalDate due = invoice.dueDate() == null ? null : LocalDate.parse(invoice.dueDate());
        String condition = paymentCondition(date, due, ledger, master, context, gaps);
        if (!reasons.isEmpty()) {
            // Anything besides the mapping's gaps would still refuse the invoice once they are filled.
            List<String> all = new ArrayList<>(reasons);
            all.addAll(gaps);
            return new BookingPlan.Refused(all);
        }
        if (!gaps.isEmpty()) {
            return new BookingPlan.Unmapped(gaps);
        }
        boolean credit = invoice.isCreditNote();
        return new BookingPlan.Ready(new SalesEntryDraft(journalCode, context.customer(),
                credit ? SalesEntryDraft.CREDIT_NOTE : SalesEntryDraft.SALES_ENTRY, date, due, period.get().year(),
                period.get().period(), condition, invoice.number(), invoice.description(), invoice.currency(),
                credit ? context.creditedInvoiceNumber() : null, new BigDecimal(invoice.totalVat()), lines));
    }

    /**
     * The entry's payment condition. Exact refuses an entry without one when neither the account nor the division
     * gives one (docs/exact-reference.md §4.3, §5.4), and a division's own default is not readable through the API, so
     * the connector always sends one: the condition whose days match the invoice's term (its due date), else the one
     * the relation flow gave the account, else the ledger mapping's default. With none of these the invoice waits on
     * the mapping (a gap naming {@code defaultPaymentCondition}) instead of being posted to be refused. A sent
     * {@code DueDate} still decides the due date; the condition only has to exist.
     */
    private static String paymentCondition(LocalDate date, LocalDate due, LedgerMapping ledger,
            FinanceMasterData master, BookingContext context, List<String> gaps) {
        List<PaymentCondition> conditions = master.paymentConditions();
        if (due != null) {
            Optional<String> byTerm = PaymentTerms.conditionCode((int) ChronoUnit.DAYS.between(date, due), conditions);
            if (byTerm.isPresent()) {
                return byTerm.get();
            }
        }
        String relation = context.relationPaymentCondition();
        if (PaymentTerms.exists(relation, conditions)) {
            return relation;
        }
        String fallback = ledger.defaultPaymentCondition();
        String term = due == null ? "the invoice has no due date" : "its term matches no payment condition";
        if (fallback == null) {
            gaps.add("data.dueDate: " + term + ", the relation has no payment condition in division "
                    + context.division() + " and the mapping names no default (defaultPaymentCondition)");
            return null;
        }
        if (!PaymentTerms.exists(fallback, conditions)) {
            gaps.add("data.dueDate: " + term + " and the mapping's default payment condition " + fallback
                    + " does not exist in division " + context.division() + " (defaultPaymentCondition)");
            return null;
        }
        return fallback;
    }

    /** {@code gaps}: entries the ledger mapping lacks; {@code reasons}: everything else that refuses the line. */
    private static Optional<SalesEntryLineDraft> line(int i, InvoiceLine line, LedgerMapping ledger,
            FinanceMasterData master, BookingContext context, List<String> reasons, List<String> gaps) {
        String at = "data.lines[" + i + "]";
        int division = context.division();
        int before = reasons.size() + gaps.size();
        GlAccount gl = null;
        Optional<String> glCode = ledger.glAccountFor(line.revenueAccount());
        if (glCode.isEmpty()) {
            gaps.add(at + ".revenueAccount: no GL account for revenue account " + line.revenueAccount()
                    + " (revenueAccounts)");
        } else {
            gl = master.glAccount(glCode.get()).orElse(null);
            if (gl == null) {
                reasons.add(at + ".revenueAccount: GL account " + glCode.get() + " does not exist in division "
                        + division);
            } else if (gl.blocked()) {
                reasons.add(at + ".revenueAccount: GL account " + gl.code() + " is blocked in division " + division);
            } else if (NOT_ON_A_LINE.contains(gl.type())) {
                reasons.add(at + ".revenueAccount: GL account " + gl.code() + " is of type " + gl.type()
                        + ", not a revenue account");
            }
        }
        String costCenter = line.projectId() == null ? null : context.costCenterByProject().get(line.projectId());
        if (gl != null && gl.useCostcenter() != null) {
            if (gl.useCostcenter() == 1 && costCenter == null) {
                reasons.add(at + ".projectId: GL account " + gl.code() + " needs a cost center; the line has no project");
            } else if (gl.useCostcenter() == 2 && costCenter != null) {
                reasons.add(at + ".projectId: GL account " + gl.code() + " allows no cost center");
            }
        }
        VatKey key = VatKey.of(line.vatCategory(), line.vatRate());
        Optional<String> vatCode = ledger.vatCodeFor(key);
        if (vatCode.isEmpty()) {
            gaps.add(at + ".vatCategory: no VAT code for VAT category " + key.category() + " at " + key.rate()
                    + " % (vatCodes." + key.key() + ")");
        } else {
            vatCode(at, vatCode.get(), key, master, division, reasons);
        }
        if (reasons.size() + gaps.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new SalesEntryLineDraft(gl.id(), gl.code().strip(), new BigDecimal(line.amount()),
                vatCode.get(), new BigDecimal(line.vatAmount()), line.description(), costCenter));
    }

    private static void vatCode(String at, String code, VatKey key, FinanceMasterData master, int division,
            List<String> reasons) {
        Optional<VatCode> vat = master.vatCode(code);
        if (vat.isEmpty()) {
            reasons.add(at + ".vatCategory: VAT code " + code + " does not exist in division " + division);
        } else if (vat.get().blocked()) {
            reasons.add(at + ".vatCategory: VAT code " + code + " is blocked in division " + division);
        } else if ("P".equals(vat.get().transactionType())) {
            reasons.add(at + ".vatCategory: VAT code " + code + " is for purchases only");
        } else if ("I".equals(vat.get().type())) {
            // Amounts are sent excluding VAT; an inclusive code would make Exact reject every line.
            reasons.add(at + ".vatCategory: VAT code " + code + " includes VAT; map an excluding code");
        } else if (CHARGED_CATEGORIES.contains(key.category()) && vat.get().percentage() != null
                && vat.get().percentage().movePointRight(2).compareTo(new BigDecimal(key.rate())) != 0) {
            reasons.add(at + ".vatRate: VAT code " + code + " is " + vat.get().percentage().movePointRight(2)
                    .stripTrailingZeros().toPlainString() + " %, the line says " + key.rate() + " %");
        }
    }
}
