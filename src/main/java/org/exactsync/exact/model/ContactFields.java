package org.exactsync.exact.model;

import java.util.UUID;
import org.exactsync.exact.odata.ExactFields;

/**
 * Properties of a contact to create or the changed ones to update. {@code Account} is accepted on POST only
 * (contacts cannot move between accounts), so {@link #account(UUID)} belongs to creation.
 */
public final class ContactFields {

    private final ExactFields fields;

    private ContactFields(ExactFields fields) {
        this.fields = fields;
    }

    public static ContactFields none() {
        return new ContactFields(ExactFields.empty());
    }

    public ContactFields account(UUID account) {
        return new ContactFields(fields.with("Account", account));
    }

    public ContactFields firstName(String value) {
        return set("FirstName", value);
    }

    public ContactFields lastName(String value) {
        return set("LastName", value);
    }

    /** The main e-mail field; its {@code BusinessEmail} twin is overwritten by Exact, so only this one is used. */
    public ContactFields email(String value) {
        return set("Email", value);
    }

    public ContactFields phone(String value) {
        return set("Phone", value);
    }

    public ContactFields set(String exactField, String value) {
        return new ContactFields(fields.with(exactField, value));
    }

    public boolean containsAccount() {
        return fields.fieldNames().contains("Account");
    }

    public ExactFields toFields() {
        return fields;
    }

    @Override
    public String toString() {
        return "ContactFields" + fields.fieldNames();
    }
}
