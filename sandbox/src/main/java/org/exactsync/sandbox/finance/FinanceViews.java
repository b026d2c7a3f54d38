package org.exactsync.sandbox.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.EntitySet;
import org.exactsync.sandbox.KeyKind;
import org.exactsync.sandbox.SandboxContext;

/**
 * The read endpoints over the transaction-line, payment-term and deletion tables. Only the sync views show
 * {@code Timestamp}; the single and bulk views are ordered by their GUID key, the sync views by rowversion.
 */
public final class FinanceViews {

    /** Exact keeps the deletion log for two months (§5.17). */
    static final int DELETED_RETENTION_MONTHS = 2;

    private final PaymentTermSigns signs;

    public FinanceViews(FinanceOptions options) {
        this.signs = new PaymentTermSigns(options.receivableOwedNegative());
    }

    public List<EntitySet> all() {
        return List.of(transactionLines(), bulkTransactionLines(), syncTransactionLines(), receivables(),
                bulkReceivables(), syncPaymentTerms(), receivablesList(), payablesList(), syncDeleted());
    }

    public EntitySet transactionLines() {
        return new ReadOnlyView(ReadOnlyView.single(FinanceTables.TRANSACTION_LINES, "ID", KeyKind.GUID, false,
                "Exact.Web.Api.Models.Financial.TransactionLine"), FinanceProperties.TRANSACTION_LINE,
                FinanceViews::linesByKey);
    }

    public EntitySet bulkTransactionLines() {
        return new ReadOnlyView(ReadOnlyView.bulk("bulk/Financial/TransactionLines",
                "Exact.Web.Api.Models.Bulk.Financial.TransactionLine"), FinanceProperties.TRANSACTION_LINE,
                FinanceViews::linesByKey);
    }

    public EntitySet syncTransactionLines() {
        return new ReadOnlyView(ReadOnlyView.sync("sync/Financial/TransactionLines",
                "Exact.Web.Api.Models.Sync.Financial.TransactionLine"), FinanceProperties.SYNC_TRANSACTION_LINE,
                (division, context) -> byTimestamp(FinanceTables.transactionLines(division).where(r -> true)));
    }

    /** {@code cashflow/Receivables}: receivable payment terms only; {@code $select} or {@code $top=1} required. */
    public EntitySet receivables() {
        return new ReadOnlyView(ReadOnlyView.single("cashflow/Receivables", "ID", KeyKind.GUID, true,
                "Exact.Web.Api.Models.Cashflow.Receivable"), FinanceProperties.RECEIVABLE,
                FinanceViews::receivableRows);
    }

    private static List<Map<String, Object>> receivableRows(DivisionData division, SandboxContext context) {
        return FinanceTables.paymentTerms(division).snapshotSortedByKey().stream()
                .filter(r -> Integer.valueOf(20).equals(r.get("LineType")))
                .map(r -> Rows.without(r, "Timestamp", "LineType"))
                .toList();
    }

    /**
     * {@code bulk/Cashflow/Receivables}: the rows and fields of {@code cashflow/Receivables}, 1000 per page, with the
     * bulk family's {@code $select} requirement (§5.13, §1.5).
     */
    public EntitySet bulkReceivables() {
        return new ReadOnlyView(ReadOnlyView.bulk("bulk/Cashflow/Receivables",
                "Exact.Web.Api.Models.Bulk.Cashflow.Receivable"), FinanceProperties.RECEIVABLE,
                FinanceViews::receivableRows);
    }

    /** Receivables (LineType 20) and payables (22) together; separating them is the reader's job (§5.17). */
    public EntitySet syncPaymentTerms() {
        return new ReadOnlyView(ReadOnlyView.sync("sync/Cashflow/PaymentTerms",
                "Exact.Web.Api.Models.Sync.Cashflow.PaymentTerm"), FinanceProperties.SYNC_PAYMENT_TERM,
                (division, context) -> byTimestamp(FinanceTables.paymentTerms(division).where(r -> true)).stream()
                        .map(r -> Rows.without(r, "HID"))
                        .toList());
    }

    /** Open receivables only: a fully matched invoice is absent, a partly paid one shows what is left. */
    public EntitySet receivablesList() {
        return new ReadOnlyView(ReadOnlyView.single("read/financial/ReceivablesList", "HID", KeyKind.INT64, false,
                "Exact.Web.Api.Models.Financial.ReceivablesList"), FinanceProperties.OPEN_ITEM,
                (division, context) -> openItems(division, 20));
    }

    public EntitySet payablesList() {
        return new ReadOnlyView(ReadOnlyView.single("read/financial/PayablesList", "HID", KeyKind.INT64, false,
                "Exact.Web.Api.Models.Financial.PayablesList"), FinanceProperties.OPEN_ITEM,
                (division, context) -> openItems(division, 22));
    }

    public EntitySet syncDeleted() {
        return new ReadOnlyView(ReadOnlyView.sync(FinanceTables.DELETED, "Exact.Web.Api.Models.Sync.Deleted"),
                FinanceProperties.DELETED, FinanceViews::retainedDeletions);
    }

    private static List<Map<String, Object>> linesByKey(DivisionData division, SandboxContext context) {
        return FinanceTables.transactionLines(division).snapshotSortedByKey().stream()
                .map(r -> Rows.without(r, "Timestamp"))
                .toList();
    }

    private static List<Map<String, Object>> byTimestamp(List<Map<String, Object>> rows) {
        List<Map<String, Object>> sorted = new ArrayList<>(Rows.copies(rows));
        sorted.sort(Comparator.comparingLong(r -> (Long) r.get("Timestamp")));
        return sorted;
    }

    private static List<Map<String, Object>> retainedDeletions(DivisionData division, SandboxContext context) {
        Instant oldest = context.clock().instant().atZone(ZoneOffset.UTC).minusMonths(DELETED_RETENTION_MONTHS)
                .toInstant();
        return byTimestamp(FinanceTables.deleted(division)
                .where(r -> !((Instant) r.get("DeletedDate")).isBefore(oldest)));
    }

    private List<Map<String, Object>> openItems(DivisionData division, int lineType) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> term : FinanceTables.paymentTerms(division).where(r ->
                Integer.valueOf(lineType).equals(r.get("LineType")) && !Boolean.TRUE.equals(r.get("IsFullyPaid")))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("HID", term.get("HID"));
            row.put("AccountId", term.get("Account"));
            row.put("AccountCode", term.get("AccountCode"));
            row.put("AccountName", term.get("AccountName"));
            // Outstanding amount, positive for an invoice still to be paid (sign UNCONFIRMED in Exact, §5.12).
            row.put("Amount", signs.owed(lineType, (BigDecimal) term.get("AmountDC")));
            row.put("AmountInTransit", BigDecimal.ZERO.setScale(2));
            row.put("CurrencyCode", term.get("Currency"));
            row.put("Description", term.get("Description"));
            row.put("DueDate", term.get("DueDate"));
            row.put("EntryNumber", term.get("EntryNumber"));
            row.put("InvoiceDate", term.get("InvoiceDate"));
            row.put("InvoiceNumber", term.get("InvoiceNumber"));
            row.put("JournalCode", term.get("Journal"));
            row.put("JournalDescription", term.get("JournalDescription"));
            row.put("YourRef", term.get("YourRef"));
            out.add(row);
        }
        out.sort(Comparator.comparingLong(r -> (Long) r.get("HID")));
        return out;
    }
}
