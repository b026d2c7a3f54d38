package org.exactsync.exact.model;

import java.util.UUID;
import org.exactsync.exact.odata.AccountCode;
import org.exactsync.exact.odata.ExactFields;

/**
 * The properties to send when creating an account or the changed ones for a partial update. Only what is set is
 * sent; {@link #set(String, String)} reaches any other writable field by its Exact name.
 */
public final class AccountFields {

    private final ExactFields fields;

    private AccountFields(ExactFields fields) {
        this.fields = fields;
    }

    public static AccountFields none() {
        return new AccountFields(ExactFields.empty());
    }

    /** Sent padded: Exact keeps codes right-aligned in 18 characters. */
    public AccountFields code(String code) {
        return new AccountFields(fields.with("Code", AccountCode.padded(code)));
    }

    public AccountFields name(String name) {
        return set("Name", name);
    }

    /** A none, S suspect, P prospect, C customer (entries need C). */
    public AccountFields status(String status) {
        return set("Status", status);
    }

    public AccountFields email(String email) {
        return set("Email", email);
    }

    public AccountFields phone(String phone) {
        return set("Phone", phone);
    }

    public AccountFields addressLine1(String line) {
        return set("AddressLine1", line);
    }

    public AccountFields postcode(String postcode) {
        return set("Postcode", postcode);
    }

    public AccountFields city(String city) {
        return set("City", city);
    }

    /** ISO 3166 alpha-2. */
    public AccountFields country(String country) {
        return set("Country", country);
    }

    public AccountFields vatNumber(String vatNumber) {
        return set("VATNumber", vatNumber);
    }

    public AccountFields chamberOfCommerce(String kvk) {
        return set("ChamberOfCommerce", kvk);
    }

    public AccountFields paymentConditionSales(String code) {
        return set("PaymentConditionSales", code);
    }

    public AccountFields salesVatCode(String code) {
        return set("SalesVATCode", code);
    }

    public AccountFields supplier(boolean supplier) {
        return new AccountFields(fields.with("IsSupplier", supplier));
    }

    public AccountFields mainContact(UUID contact) {
        return new AccountFields(fields.with("MainContact", contact));
    }

    public AccountFields set(String exactField, String value) {
        return new AccountFields(fields.with(exactField, value));
    }

    public ExactFields toFields() {
        return fields;
    }

    @Override
    public String toString() {
        return "AccountFields" + fields.fieldNames();
    }
}
