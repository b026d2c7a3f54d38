package org.exactsync.sandbox.finance;

import java.util.UUID;

/**
 * The parts of a {@code crm/Accounts} row a booking needs; {@code status} "C" makes it a customer, {@code supplier}
 * ({@code IsSupplier}) a supplier. The payment-condition and VAT-code defaults fill gaps in an entry.
 */
record RelationRef(UUID id, String code, String name, String status, boolean supplier, String vatNumber, UUID glar,
        UUID glap, String paymentConditionSales, String paymentConditionPurchase, String salesVatCode,
        String purchaseVatCode) {

    boolean isCustomer() {
        return "C".equals(status == null ? null : status.trim());
    }

    boolean hasVatNumber() {
        return vatNumber != null && !vatNumber.isBlank();
    }

    boolean qualifiesFor(EntryKind kind) {
        return kind == EntryKind.SALES ? isCustomer() : supplier;
    }

    String defaultPaymentCondition(EntryKind kind) {
        return kind == EntryKind.SALES ? paymentConditionSales : paymentConditionPurchase;
    }

    String defaultVatCode(EntryKind kind) {
        return kind == EntryKind.SALES ? salesVatCode : purchaseVatCode;
    }

    UUID controlAccount(EntryKind kind) {
        return kind == EntryKind.SALES ? glar : glap;
    }
}
