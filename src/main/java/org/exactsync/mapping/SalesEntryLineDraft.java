package org.exactsync.mapping;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One {@code SalesEntryLines} element as it will be posted.
 *
 * @param glAccount     the division's GL account GUID
 * @param glAccountCode its code (for the answer and the callback)
 * @param amount        {@code AmountFC}, excluding VAT, signed
 * @param vatCode       {@code VATCode}
 * @param vatAmount     {@code VATAmountFC}: the CRM's VAT of the line, so Exact does not round on its own
 * @param description   line text, or null
 * @param costCenter    cost center code of the line's project, or null
 */
public record SalesEntryLineDraft(UUID glAccount, String glAccountCode, BigDecimal amount, String vatCode,
        BigDecimal vatAmount, String description, String costCenter) {
}
