package org.exactsync.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CRM contact as {@code crm/Contacts} values (same string conventions as {@link AccountMapper}). Only the main
 * {@code Email}/{@code Phone} fields are used: Exact overwrites their {@code Business*} twins from them.
 */
public final class ContactMapper {

    public static final String FIRST_NAME = "FirstName";
    public static final String LAST_NAME = "LastName";
    public static final String EMAIL = "Email";
    public static final String PHONE = "Phone";

    private ContactMapper() {
    }

    public static Map<String, String> contactFields(RelationContact contact) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(FIRST_NAME, AccountMapper.value(contact.firstName()));
        fields.put(LAST_NAME, AccountMapper.value(contact.lastName()));
        fields.put(EMAIL, AccountMapper.value(contact.email()));
        fields.put(PHONE, AccountMapper.value(contact.phone()));
        return fields;
    }
}
