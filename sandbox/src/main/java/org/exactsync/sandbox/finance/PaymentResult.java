package org.exactsync.sandbox.finance;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What a registered payment did: the bank entry it booked, what is still owed on the payment term (positive for an
 * invoice) and whether the term is now matched.
 */
public record PaymentResult(UUID paymentEntryId, BigDecimal remaining, boolean fullyPaid) {
}
