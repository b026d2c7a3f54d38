package org.exactsync.flow.payment.webhook;

import java.util.List;
import java.util.Set;

/**
 * The topics the connector subscribes to and acts on. Exact has no topic for payment terms (docs/exact-reference.md
 * §6.2), so payments are noticed through the transactions that carry them: a bank or cash entry matching an invoice
 * publishes {@code FinancialTransactions}; {@code SalesEntries} covers a booked entry being changed or removed.
 */
public final class WebhookTopics {

    /** Subscribed per division, in this order. */
    public static final List<String> SUBSCRIBED = List.of("FinancialTransactions", "SalesEntries");

    /** Notifications of these topics trigger a check of the division's payment terms. */
    public static final Set<String> PAYMENT_RELEVANT = Set.of("FinancialTransactions", "SalesEntries",
            "BankEntries", "CashEntries", "GeneralJournalEntries");

    /** Sales entries; a notification's {@code Key} is the entry's {@code EntryID}. */
    public static final String SALES_ENTRIES = "SalesEntries";

    /**
     * Topics whose {@code Key} is an entry's {@code EntryID} (a sales entry, or the bank entry of a payment) — for
     * {@code FinancialTransactions} the transaction's key, which is its entry (docs/payment-status.md).
     */
    public static final Set<String> ENTRY_TOPICS = Set.of("FinancialTransactions", SALES_ENTRIES);

    private WebhookTopics() {
    }
}
