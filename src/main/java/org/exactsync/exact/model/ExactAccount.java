package org.exactsync.exact.model;

import java.util.UUID;

/**
 * A relation ({@code crm/Accounts}) with {@code code} trimmed and {@code country} trimmed. Names and e-mails are
 * personal data: never log them, log {@code id}.
 *
 * @param status                   A none, S suspect, P prospect, C customer (only C can be invoiced)
 * @param supplier                 {@code IsSupplier}: suppliers are flagged here, not through {@code status}
 * @param paymentConditionSales    payment condition code used for sales entries
 * @param paymentConditionPurchase payment condition code used for purchase entries
 */
public record ExactAccount(UUID id, String code, String name, String status, String vatNumber,
        String chamberOfCommerce, String email, String postcode, String city, String country, boolean blocked,
        UUID mainContact, String addressLine1, String phone, boolean supplier, String paymentConditionSales,
        String paymentConditionPurchase, String salesVatCode) {

    @Override
    public String toString() {
        return "ExactAccount[id=" + id + ", code=" + code + ", status=" + status + "]";
    }
}
