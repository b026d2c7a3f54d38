package org.exactsync.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amount helpers: the contract carries money as decimal strings with two decimals. */
public final class Money {

    private Money() {
    }

    /** The amount at two decimals (half-up); null reads as zero. */
    public static BigDecimal cents(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }

    /** The contract's string form, e.g. {@code "1210.00"}. */
    public static String text(BigDecimal amount) {
        return cents(amount).toPlainString();
    }
}
