package org.exactsync.mapping;

import static org.exactsync.mapping.AccountFieldNames.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A CRM relation as the {@code crm/Accounts} values the connector wants in one division. Values are strings in
 * the form Exact returns them after trimming (booleans {@code "true"}, GUIDs lower case); an empty string means
 * "no value", so a field the CRM cleared is cleared in Exact too. Role fields appear only for the roles held:
 * Exact's roles only add ({@code Status C} for a customer, {@code IsSupplier} for a supplier), and dropping a role in
 * the CRM never demotes an account a bookkeeper may already invoice.
 */
public final class AccountMapper {

    private AccountMapper() {
    }

    /**
     * @param paymentCondition the division's payment condition code for {@code paymentTermDays}; empty when the
     *                         relation has no payment term (the division's default then stays)
     */
    public static Map<String, String> accountFields(RelationUpserted relation, Optional<String> paymentCondition) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(NAME, relation.name().strip());
        RelationAddress address = relation.address();
        fields.put(ADDRESS_LINE_1, value(address == null ? null : address.line1()));
        fields.put(ADDRESS_LINE_2, value(address == null ? null : address.line2()));
        fields.put(POSTCODE, value(address == null ? null : address.postcode()));
        fields.put(CITY, value(address == null ? null : address.city()));
        fields.put(COUNTRY, value(address == null ? null : address.country()));
        fields.put(EMAIL, value(relation.email()));
        fields.put(PHONE, value(relation.phone()));
        fields.put(VAT_NUMBER, relation.vatNumber() == null ? "" : VatNumbers.compact(relation.vatNumber()));
        fields.put(CHAMBER_OF_COMMERCE, value(relation.chamberOfCommerce()));
        if (relation.isCustomer()) {
            fields.put(STATUS, "C");
            paymentCondition.ifPresent(code -> fields.put(PAYMENT_CONDITION_SALES, code));
        }
        if (relation.isSupplier()) {
            fields.put(IS_SUPPLIER, "true");
            paymentCondition.ifPresent(code -> fields.put(PAYMENT_CONDITION_PURCHASE, code));
        }
        return fields;
    }

    /** The same fields without the empty ones: what a POST sends (absent is already empty in a new account). */
    public static Map<String, String> nonEmpty(Map<String, String> fields) {
        Map<String, String> present = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (!value.isEmpty()) {
                present.put(name, value);
            }
        });
        return present;
    }

    static String value(String crmValue) {
        return crmValue == null ? "" : crmValue.strip();
    }
}
