package org.exactsync.mapping;

/**
 * What happened in Exact to a booked entry that is not a payment, as the contract's {@code invoice.changed-in-exact}
 * names it (docs/payment-status.md).
 */
public enum EntryChange {
    /** The entry's total incl. VAT in Exact differs from what the CRM was last told (lowered or raised). */
    AMOUNT("amount"),
    /** The payment term's due date differs from what the CRM was last told. */
    DUE_DATE("due-date"),
    /** The entry was turned into a reversal: its amounts no longer stand. */
    REVERSED("reversed"),
    /** The entry was deleted in Exact. */
    DELETED("deleted");

    private final String wireName;

    EntryChange(String wireName) {
        this.wireName = wireName;
    }

    /** The contract's spelling. */
    public String wireName() {
        return wireName;
    }
}
