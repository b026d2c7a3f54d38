package org.exactsync.sandbox.finance;

import java.math.BigDecimal;

/**
 * The sign of a payment term's open {@code AmountDC}, which Exact does not document (§5.13, §10 item 3). "Owed" is
 * what is still to be settled, positive for an invoice, negative for a credit note. With the default convention a
 * receivable the customer still owes shows negative (as observed in 2025) and a payable we still owe positive.
 */
final class PaymentTermSigns {

    private final boolean receivableOwedNegative;

    PaymentTermSigns(boolean receivableOwedNegative) {
        this.receivableOwedNegative = receivableOwedNegative;
    }

    BigDecimal amountDC(int lineType, BigDecimal owed) {
        return owed.multiply(BigDecimal.valueOf(factor(lineType)));
    }

    BigDecimal owed(int lineType, BigDecimal amountDC) {
        return amountDC.multiply(BigDecimal.valueOf(factor(lineType)));
    }

    private int factor(int lineType) {
        boolean receivable = lineType == 20;
        boolean negative = receivable == receivableOwedNegative;
        return negative ? -1 : 1;
    }
}
