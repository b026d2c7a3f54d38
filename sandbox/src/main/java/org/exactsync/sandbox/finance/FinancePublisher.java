package org.exactsync.sandbox.finance;

import java.util.UUID;

import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.SandboxContext;

/**
 * Where Exact would notify webhook subscribers of a financial change. An entry is announced on its own topic and on
 * {@code FinancialTransactions} (its transaction lines changed with it); a payment is a new financial transaction.
 */
final class FinancePublisher {

    static final String FINANCIAL_TRANSACTIONS = "FinancialTransactions";

    private FinancePublisher() {
    }

    static void entryChanged(SandboxContext context, DivisionData division, EntryKind kind, UUID entryId,
            String action) {
        context.publish(division.code(), kind.topic, entryId, action);
        context.publish(division.code(), FINANCIAL_TRANSACTIONS, entryId, action);
    }

    static void paymentBooked(SandboxContext context, DivisionData division, UUID paymentEntryId) {
        context.publish(division.code(), FINANCIAL_TRANSACTIONS, paymentEntryId, "Create");
    }
}
