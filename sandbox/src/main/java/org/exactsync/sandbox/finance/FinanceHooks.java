package org.exactsync.sandbox.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.DivisionMove;
import org.exactsync.sandbox.ExactFault;
import org.exactsync.sandbox.SandboxContext;

/**
 * Test hooks: what happens inside Exact without an API call (a customer pays, the accountant matches a credit note,
 * a supplier invoice is booked, the division moves to another database) and quick looks at the resulting state.
 * Every method takes the division lock itself. Amounts are "owed" amounts: positive for an invoice, negative for a
 * credit note, whatever sign convention the payment-term rows use.
 */
public final class FinanceHooks {

    private final SandboxContext context;
    private final PaymentBooker payments;
    private final EntryBooker booker;
    private final EntryEntitySet sales;
    private final EntryEntitySet purchases;
    private final EntryLineSet salesLines;
    private final FinanceViews views;

    public FinanceHooks(SandboxContext context, FinanceOptions options) {
        this.context = context;
        PaymentTermSigns signs = new PaymentTermSigns(options.receivableOwedNegative());
        this.payments = new PaymentBooker(signs);
        this.booker = new EntryBooker(signs);
        this.sales = EntryEntitySet.salesEntries(options);
        this.purchases = EntryEntitySet.purchaseEntries(options);
        this.salesLines = EntryLineSet.salesEntryLines(options);
        this.views = new FinanceViews(options);
    }

    /**
     * A (partial) payment of an entry's payment term on {@code date}: the open amount shrinks by {@code amount},
     * a bank entry is booked, and {@code FinancialTransactions} is published.
     *
     * @throws IllegalArgumentException when the entry has no open term or the amount exceeds what is owed
     */
    public PaymentResult registerPayment(DivisionData division, UUID entryId, BigDecimal amount, LocalDate date) {
        PaymentResult result;
        synchronized (division.lock()) {
            Map<String, Object> term = termOf(division, entryId);
            Instant now = context.clock().instant();
            BigDecimal scaled = amount.setScale(2, RoundingMode.HALF_UP);
            BigDecimal remaining = payments.settle(division, term, scaled, date, now);
            UUID bankEntry = payments.bookBankEntry(division, term, scaled, date, now);
            result = new PaymentResult(bankEntry, remaining, remaining.signum() == 0);
        }
        FinancePublisher.paymentBooked(context, division, result.paymentEntryId());
        return result;
    }

    /** Like {@link #registerPayment} for the entry whose {@code YourRef} matches (the CRM's invoice number). */
    public PaymentResult registerPaymentByYourRef(DivisionData division, String yourRef, BigDecimal amount,
            LocalDate date) {
        return registerPayment(division, entryIdByYourRef(division, yourRef), amount, date);
    }

    /** Pays whatever is still open on the entry. */
    public PaymentResult payInFull(DivisionData division, UUID entryId, LocalDate date) {
        BigDecimal owed;
        synchronized (division.lock()) {
            owed = payments.owed(termOf(division, entryId));
        }
        return registerPayment(division, entryId, owed, date);
    }

    /**
     * Matches a credit note against an invoice, as an accountant does in Exact: both open amounts shrink by the
     * smaller of the two; no transaction lines are booked (the entries already are) and nothing is published.
     *
     * @return what is still owed on the invoice
     */
    public BigDecimal settleWithCreditNote(DivisionData division, UUID invoiceEntryId, UUID creditNoteEntryId,
            LocalDate date) {
        synchronized (division.lock()) {
            Map<String, Object> invoice = termOf(division, invoiceEntryId);
            Map<String, Object> credit = termOf(division, creditNoteEntryId);
            BigDecimal invoiceOwed = payments.owed(invoice);
            BigDecimal creditOwed = payments.owed(credit);
            if (invoiceOwed.signum() <= 0 || creditOwed.signum() >= 0) {
                throw new IllegalArgumentException("need an open invoice and an open credit note");
            }
            BigDecimal matched = invoiceOwed.min(creditOwed.negate());
            Instant now = context.clock().instant();
            payments.settle(division, credit, matched.negate(), date, now);
            return payments.settle(division, invoice, matched, date, now);
        }
    }

    /** Books a sales entry as if POSTed (same validation); returns the stored row. */
    public Map<String, Object> bookSalesEntry(DivisionData division, Map<String, Object> body) {
        synchronized (division.lock()) {
            return sales.create(division, body, context);
        }
    }

    /** Books a purchase entry as if POSTed (same validation); returns the stored row. */
    public Map<String, Object> bookPurchaseEntry(DivisionData division, Map<String, Object> body) {
        synchronized (division.lock()) {
            return purchases.create(division, body, context);
        }
    }

    /**
     * A supplier invoice on one cost center: one cost line of {@code amountExVat} (negative for a purchase credit
     * note) on {@code glAccount} with {@code vatCode}.
     */
    public Map<String, Object> bookPurchaseOnCostCenter(DivisionData division, String journal, UUID supplier,
            UUID glAccount, String costCenter, BigDecimal amountExVat, String vatCode, LocalDate date,
            String yourRef) {
        Map<String, Object> line = new HashMap<>();
        line.put("GLAccount", glAccount);
        line.put("AmountFC", amountExVat);
        line.put("VATCode", vatCode);
        line.put("CostCenter", costCenter);
        Map<String, Object> body = new HashMap<>();
        body.put("Journal", journal);
        body.put("Supplier", supplier);
        body.put("EntryDate", date.toString());
        body.put("YourRef", yourRef);
        body.put("PurchaseEntryLines", List.of(line));
        return bookPurchaseEntry(division, body);
    }

    /** Deletes a sales or purchase entry with its bookings (logged in {@code sync/Deleted}). */
    public void deleteEntry(DivisionData division, UUID entryId) {
        synchronized (division.lock()) {
            if (FinanceTables.salesEntries(division).get(entryId).isPresent()) {
                sales.delete(division, entryId, context);
            } else if (FinanceTables.purchaseEntries(division).get(entryId).isPresent()) {
                purchases.delete(division, entryId, context);
            } else {
                throw ExactFault.notFound();
            }
        }
    }

    /**
     * A bookkeeper corrects a sales entry's first line in Exact (new amount and VAT, e.g. 100.00 + 21.00 lowered to
     * 90.00 + 18.90): re-booked exactly like a {@code SalesEntryLines} PUT, payments kept, notifications published.
     */
    public void correctSalesLine(DivisionData division, UUID entryId, BigDecimal amountFC, BigDecimal vatAmountFC) {
        synchronized (division.lock()) {
            Map<String, Object> entry = FinanceTables.salesEntries(division).get(entryId)
                    .orElseThrow(ExactFault::notFound);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) entry.get(EntryKind.SALES.linesField);
            Map<String, Object> body = new HashMap<>();
            body.put("AmountFC", amountFC);
            body.put("VATAmountFC", vatAmountFC);
            salesLines.update(division, lines.get(0).get("ID"), body, context);
        }
    }

    /**
     * A header change made in Exact, exactly like a {@code SalesEntries} PUT with {@code fields} (e.g.
     * {@code DueDate}, or {@code Reversal: true} to reverse the entry's amounts).
     */
    public void changeSalesEntry(DivisionData division, UUID entryId, Map<String, Object> fields) {
        synchronized (division.lock()) {
            sales.update(division, entryId, new HashMap<>(fields), context);
        }
    }

    /**
     * The division moved to another database: every rowversion of every table is regenerated far above the old ones
     * (a client must resync every feed in full, {@link DivisionMove}) and {@code system/Divisions.DivisionMoveDate} is
     * set when the core seeded that row.
     *
     * @return the lowest regenerated Timestamp
     */
    public long moveDivision(DivisionData division, Instant moveDate) {
        synchronized (division.lock()) {
            long first = DivisionMove.regenerateTimestamps(division);
            MasterData.divisionRow(division).ifPresent(row -> row.put("DivisionMoveDate", moveDate));
            return first;
        }
    }

    /**
     * Seeds {@code count} open sales invoices for one customer quickly, without validation or webhooks: each has one
     * revenue line of {@code amountExVat} with VAT code {@code vatCode} (null for none), YourRef
     * {@code yourRefPrefix + n}, booked like a POSTed entry (transaction lines and a payment term).
     *
     * @return the EntryIDs in creation order
     */
    public List<UUID> seedOpenItems(DivisionData division, int count, UUID customer, BigDecimal amountExVat,
            String vatCode, LocalDate entryDate, String yourRefPrefix) {
        synchronized (division.lock()) {
            JournalRef journal = MasterData.journalOfType(division, EntryKind.SALES.journalType)
                    .orElseThrow(() -> new IllegalStateException("no sales journal in division " + division.code()));
            RelationRef relation = MasterData.relation(division, customer)
                    .orElseThrow(() -> new IllegalArgumentException("unknown customer " + customer));
            GlAccountRef revenue = firstRevenueAccount(division);
            VatCodeRef vat = vatCode == null ? null : MasterData.vatCode(division, vatCode)
                    .orElseThrow(() -> new IllegalArgumentException("unknown VAT code " + vatCode));
            BigDecimal amount = amountExVat.setScale(2, RoundingMode.HALF_UP);
            BigDecimal vatAmount = vat == null ? BigDecimal.ZERO.setScale(2)
                    : amount.multiply(vat.percentage()).setScale(2, RoundingMode.HALF_UP);
            PeriodRef period = PaymentBooker.periodOf(division, entryDate);
            LocalDate dueDate = entryDate.plusDays(30);
            List<ValidatedLine> lines = List.of(new ValidatedLine(1, revenue, amount, vat, vatAmount, null, null,
                    null, null, null, null));
            long first = EntryValidator.firstEntryNumber(journal.code(), entryDate);
            Instant now = context.clock().instant();
            List<UUID> ids = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                int entryNumber = (int) FinanceTables.nextCounter(division,
                        EntryValidator.entryNumberCounter(journal.code(), entryDate), first);
                ValidatedEntry entry = new ValidatedEntry(EntryKind.SALES, journal, relation, entryDate, dueDate,
                        period, entryNumber, amount.signum() < 0 ? 21 : 20, yourRefPrefix + i, null, null, null,
                        "EUR", lines);
                UUID id = UUID.randomUUID();
                booker.book(division, entry, id, now);
                ids.add(id);
            }
            return ids;
        }
    }

    /** The entry's payment term as stored (a copy). */
    public Optional<Map<String, Object>> paymentTerm(DivisionData division, UUID entryId) {
        synchronized (division.lock()) {
            return FinanceTables.paymentTerms(division).where(r -> entryId.equals(r.get("TransactionEntryID")))
                    .stream().findFirst().map(Rows::copy);
        }
    }

    /** The transaction lines booked for an entry (copies, by line number). */
    public List<Map<String, Object>> transactionLines(DivisionData division, UUID entryId) {
        synchronized (division.lock()) {
            List<Map<String, Object>> lines = new ArrayList<>(Rows.copies(FinanceTables.transactionLines(division)
                    .where(r -> entryId.equals(r.get("EntryID")))));
            lines.sort(Comparator.comparingInt(r -> (Integer) r.get("LineNumber")));
            return lines;
        }
    }

    /** The open receivables as {@code read/financial/ReceivablesList} shows them. */
    public List<Map<String, Object>> openReceivables(DivisionData division) {
        synchronized (division.lock()) {
            return views.receivablesList().list(division, context);
        }
    }

    /** The sales or purchase entry row (a copy). */
    public Optional<Map<String, Object>> entry(DivisionData division, UUID entryId) {
        synchronized (division.lock()) {
            return FinanceTables.salesEntries(division).get(entryId)
                    .or(() -> FinanceTables.purchaseEntries(division).get(entryId)).map(Rows::copy);
        }
    }

    private Map<String, Object> termOf(DivisionData division, UUID entryId) {
        return FinanceTables.paymentTerms(division).where(r -> entryId.equals(r.get("TransactionEntryID")))
                .stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no payment term for entry " + entryId));
    }

    /** The entry with that YourRef, an open one first (a credit note may carry the invoice's reference). */
    private static UUID entryIdByYourRef(DivisionData division, String yourRef) {
        synchronized (division.lock()) {
            return FinanceTables.paymentTerms(division).where(r -> yourRef.equals(r.get("YourRef"))).stream()
                    .sorted(Comparator.comparing(r -> Boolean.TRUE.equals(r.get("IsFullyPaid"))))
                    .map(r -> (UUID) r.get("TransactionEntryID")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no entry with YourRef " + yourRef));
        }
    }

    private static GlAccountRef firstRevenueAccount(DivisionData division) {
        return MasterData.glAccountOfType(division, 110)
                .orElseThrow(() -> new IllegalStateException("no revenue GL account (Type 110)"));
    }
}
