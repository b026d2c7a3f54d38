package org.exactsync.store;

import java.util.Map;

/**
 * One Exact relation as the division's account index holds it: the fields the relation flow compares (Exact's names,
 * trimmed, as the flow reads them) plus {@code Blocked}. Names and e-mails are personal data: log {@code id} only.
 *
 * @param id        Exact's account GUID (lower case)
 * @param timestamp Exact's rowversion of this state ({@code Timestamp}); a write never replaces a newer one
 * @param values    field name → value, empty string for none
 */
public record IndexedAccount(String id, long timestamp, Map<String, String> values) {

    public IndexedAccount {
        values = Map.copyOf(values);
    }

    /** The value of an Exact field, empty when none. */
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** The relation number (trimmed). */
    public String code() {
        return value("Code");
    }

    @Override
    public String toString() {
        return "IndexedAccount[id=" + id + ", timestamp=" + timestamp + "]";
    }
}
