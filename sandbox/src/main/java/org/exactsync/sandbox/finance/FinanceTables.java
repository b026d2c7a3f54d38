package org.exactsync.sandbox.finance;

import java.util.HashMap;
import java.util.Map;

import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.Table;

/**
 * Where the financial entities live inside a {@link DivisionData}. Several endpoints are views of one table:
 * {@code financialtransaction/TransactionLines}, {@code bulk/…} and {@code sync/…} all read the transaction-line
 * table, and {@code cashflow/Receivables}, {@code sync/Cashflow/PaymentTerms} and
 * {@code read/financial/ReceivablesList} all read the payment-term table, so a payment is visible everywhere at once.
 */
public final class FinanceTables {

    public static final String SALES_ENTRIES = "salesentry/SalesEntries";
    public static final String PURCHASE_ENTRIES = "purchaseentry/PurchaseEntries";
    public static final String TRANSACTION_LINES = "financialtransaction/TransactionLines";
    public static final String PAYMENT_TERMS = "cashflow/PaymentTerms";
    public static final String DELETED = "sync/Deleted";
    public static final String WEBHOOK_SUBSCRIPTIONS = "webhooks/WebhookSubscriptions";
    /** Counters (HID, journal entry numbers) that must survive as long as the division's data does. */
    static final String COUNTERS = "finance/Counters";

    private FinanceTables() {
    }

    public static Table salesEntries(DivisionData division) {
        return division.table(SALES_ENTRIES, "EntryID");
    }

    public static Table purchaseEntries(DivisionData division) {
        return division.table(PURCHASE_ENTRIES, "EntryID");
    }

    public static Table transactionLines(DivisionData division) {
        return division.table(TRANSACTION_LINES, "ID");
    }

    public static Table paymentTerms(DivisionData division) {
        return division.table(PAYMENT_TERMS, "ID");
    }

    /** Keyed by Timestamp: the log is only ever read through the sync cursor. */
    public static Table deleted(DivisionData division) {
        return division.table(DELETED, "Timestamp");
    }

    public static Table webhookSubscriptions(DivisionData division) {
        return division.table(WEBHOOK_SUBSCRIPTIONS, "ID");
    }

    static Table counters(DivisionData division) {
        return division.table(COUNTERS, "Name");
    }

    /** The next value of a named per-division counter starting at {@code first}; call under the division lock. */
    static long nextCounter(DivisionData division, String name, long first) {
        Table counters = counters(division);
        long next = counters.get(name).map(r -> (Long) r.get("Value") + 1).orElse(first);
        Map<String, Object> row = new HashMap<>();
        row.put("Name", name);
        row.put("Value", next);
        counters.put(row);
        return next;
    }

    /** Raises a counter so that its next value is above {@code atLeast} (after a caller supplied its own number). */
    static void bumpCounter(DivisionData division, String name, long atLeast) {
        Table counters = counters(division);
        long current = counters.get(name).map(r -> (Long) r.get("Value")).orElse(Long.MIN_VALUE);
        if (atLeast > current) {
            Map<String, Object> row = new HashMap<>();
            row.put("Name", name);
            row.put("Value", atLeast);
            counters.put(row);
        }
    }
}
