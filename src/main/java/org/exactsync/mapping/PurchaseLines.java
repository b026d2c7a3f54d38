package org.exactsync.mapping;

/**
 * Which Exact transaction lines are purchases on a cost center (docs/exact-reference.md §5.15, §9.5): entry types 30
 * (purchase entry) and 31 (purchase credit note), without the entry total (line 0, the creditor side) and the VAT
 * lines (9999), and only lines that carry a cost center. Their {@code AmountDC} is the cost: positive for a
 * purchase, negative for a purchase credit note.
 */
public final class PurchaseLines {

    public static final int PURCHASE_ENTRY = 30;
    public static final int PURCHASE_CREDIT_NOTE = 31;
    public static final int TOTAL_LINE = 0;
    public static final int VAT_LINE = 9999;

    private PurchaseLines() {
    }

    /** True for a cost line of a purchase entry or purchase credit note booked on a cost center. */
    public static boolean isPurchaseCost(Integer type, Integer lineNumber, String costCenter) {
        if (type == null || lineNumber == null || costCenter == null || costCenter.isBlank()) {
            return false;
        }
        boolean purchase = type == PURCHASE_ENTRY || type == PURCHASE_CREDIT_NOTE;
        return purchase && lineNumber != TOTAL_LINE && lineNumber != VAT_LINE;
    }
}
