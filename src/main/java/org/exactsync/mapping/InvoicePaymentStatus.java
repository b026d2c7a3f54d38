package org.exactsync.mapping;

/** Where an invoice stands towards being paid, as the contract's {@code invoice.payment-status-changed} names it. */
public enum InvoicePaymentStatus {
    /** Nothing paid yet (a matched credit note may still have lowered what is open). */
    OPEN("open"),
    /** Some paid, some still open. */
    PARTIALLY_PAID("partially-paid"),
    /** Nothing open any more and at least part of it was paid. */
    PAID("paid"),
    /** Nothing open any more and all of it was settled by credit notes, none by payments. */
    CREDITED("credited");

    private final String wireName;

    InvoicePaymentStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The contract's spelling. */
    public String wireName() {
        return wireName;
    }

    /** The status with this contract spelling. */
    public static InvoicePaymentStatus fromWireName(String name) {
        for (InvoicePaymentStatus status : values()) {
            if (status.wireName.equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown payment status " + name);
    }
}
