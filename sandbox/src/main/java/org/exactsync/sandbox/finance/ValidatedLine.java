package org.exactsync.sandbox.finance;

import java.math.BigDecimal;
import java.util.UUID;

/** One entry line after validation: references resolved, VAT amount decided. */
record ValidatedLine(int lineNumber, GlAccountRef glAccount, BigDecimal amountFC, VatCodeRef vatCode,
        BigDecimal vatAmountFC, CostCenterRef costCenter, String costUnit, UUID project, String description,
        String notes, BigDecimal quantity) {
}
