package org.exactsync.mapping;

import java.util.List;
import java.util.Map;

/**
 * The {@code crm/Accounts} properties the connector manages, in Exact's names, and the CRM field each comes from
 * (conflict callbacks name fields the CRM's way). Every other property of an account belongs to the bookkeeper.
 */
public final class AccountFieldNames {

    public static final String NAME = "Name";
    public static final String ADDRESS_LINE_1 = "AddressLine1";
    public static final String ADDRESS_LINE_2 = "AddressLine2";
    public static final String POSTCODE = "Postcode";
    public static final String CITY = "City";
    public static final String COUNTRY = "Country";
    public static final String EMAIL = "Email";
    public static final String PHONE = "Phone";
    public static final String VAT_NUMBER = "VATNumber";
    public static final String CHAMBER_OF_COMMERCE = "ChamberOfCommerce";
    public static final String STATUS = "Status";
    public static final String IS_SUPPLIER = "IsSupplier";
    public static final String PAYMENT_CONDITION_SALES = "PaymentConditionSales";
    public static final String PAYMENT_CONDITION_PURCHASE = "PaymentConditionPurchase";
    public static final String MAIN_CONTACT = "MainContact";

    /** Exact name → CRM path, in the order fields are compared and reported. */
    private static final Map<String, String> CRM_NAMES = Map.ofEntries(
            Map.entry(NAME, "name"), Map.entry(ADDRESS_LINE_1, "address.line1"),
            Map.entry(ADDRESS_LINE_2, "address.line2"), Map.entry(POSTCODE, "address.postcode"),
            Map.entry(CITY, "address.city"), Map.entry(COUNTRY, "address.country"), Map.entry(EMAIL, "email"),
            Map.entry(PHONE, "phone"), Map.entry(VAT_NUMBER, "vatNumber"),
            Map.entry(CHAMBER_OF_COMMERCE, "chamberOfCommerce"), Map.entry(STATUS, "roles"),
            Map.entry(IS_SUPPLIER, "roles"), Map.entry(PAYMENT_CONDITION_SALES, "paymentTermDays"),
            Map.entry(PAYMENT_CONDITION_PURCHASE, "paymentTermDays"), Map.entry(MAIN_CONTACT, "contacts.main"));

    /** What to {@code $select} when reading an account to compare it. */
    public static final List<String> SELECT = List.of("ID", "Code", NAME, ADDRESS_LINE_1, ADDRESS_LINE_2, POSTCODE,
            CITY, COUNTRY, EMAIL, PHONE, VAT_NUMBER, CHAMBER_OF_COMMERCE, STATUS, IS_SUPPLIER, PAYMENT_CONDITION_SALES,
            PAYMENT_CONDITION_PURCHASE, MAIN_CONTACT);

    private AccountFieldNames() {
    }

    /** The CRM's name for an Exact property this connector manages. */
    public static String crmName(String exactField) {
        return CRM_NAMES.getOrDefault(exactField, exactField);
    }

    /** Role flags only ever add a role, so a first write over a bookkeeper's value is not a conflict. */
    public static boolean isRole(String exactField) {
        return STATUS.equals(exactField) || IS_SUPPLIER.equals(exactField);
    }
}
