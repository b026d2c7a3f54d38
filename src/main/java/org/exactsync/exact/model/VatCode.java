package org.exactsync.exact.model;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A VAT code of one division, {@code code} trimmed (Exact returns it padded to 3). {@code percentage} is a fraction
 * (21 % = 0.21); {@code type}: B base only, E excluding, I including, N none; {@code transactionType}: S sales,
 * P purchase, B both.
 */
public record VatCode(UUID id, String code, String description, String type, String transactionType,
        BigDecimal percentage, boolean blocked) {
}
