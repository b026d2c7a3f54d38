package org.exactsync.sandbox.finance;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A {@code vat/VATCodes} row. {@code percentage} is a fraction (21 % = 0.21); {@code type} B/E/I/N (I = inclusive);
 * {@code transactionType} B/P/S;
 * {@code charged} marks reverse charge; {@code euSalesListing} other than N marks an intra-EU code.
 */
record VatCodeRef(String code, String description, BigDecimal percentage, String type, String transactionType,
        boolean charged, String euSalesListing, UUID glToPay, UUID glToClaim, boolean blocked) {

    /** The code as Exact writes it on lines: space-padded to 3 like the VAT code list (docs/exact-reference.md §1.6, §1.8). */
    String padded() {
        return code == null ? null : org.exactsync.sandbox.ExactValues.padRight(code, 3);
    }

    /** Type I: the line amount includes the VAT. */
    boolean isInclusive() {
        return "I".equals(type == null ? null : type.trim());
    }

    /** Codes that shift the VAT to the customer: only valid when the customer has a VAT number. */
    boolean isReverseCharge() {
        return charged || euSalesListing != null && !euSalesListing.isBlank() && !"N".equals(euSalesListing.trim());
    }
}
