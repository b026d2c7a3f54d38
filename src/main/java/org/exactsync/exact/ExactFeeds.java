package org.exactsync.exact;

/**
 * The names of Exact's sync feeds the connector reads. Each is also the stem of the cursor name stored per division,
 * so a value here must never change (a changed name would read its feed again from the start).
 */
public final class ExactFeeds {

    /** Every payment term (receivable and payable) above a timestamp. */
    public static final String PAYMENT_TERMS = "sync/Cashflow/PaymentTerms";
    /** Every relation (account) inserted or changed above a timestamp. */
    public static final String ACCOUNTS = "sync/CRM/Accounts";
    /** Every deleted record of any entity type above a timestamp. */
    public static final String DELETED = "sync/Deleted";
    /** Every financial transaction line above a timestamp. */
    public static final String TRANSACTION_LINES = "sync/Financial/TransactionLines";

    private ExactFeeds() {
    }
}
