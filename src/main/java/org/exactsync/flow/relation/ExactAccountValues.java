package org.exactsync.flow.relation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.ContactFields;
import org.exactsync.exact.odata.ExactRow;
import org.exactsync.mapping.AccountFieldNames;
import org.exactsync.mapping.VatNumbers;

/**
 * Converts between Exact's typed wire values and the mapping module's string values: trimmed (Exact pads
 * {@code Country} and {@code Code}), booleans as {@code "true"}/{@code "false"}, GUIDs lower case, empty for null.
 * Public for the reconciliation, which compares accounts with the values last sent in the same form.
 */
public final class ExactAccountValues {

    private ExactAccountValues() {
    }

    public static Map<String, String> fromRow(ExactRow row) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : AccountFieldNames.SELECT) {
            String value;
            if (AccountFieldNames.IS_SUPPLIER.equals(field)) {
                value = String.valueOf(Boolean.TRUE.equals(row.bool(field)));
            } else if (AccountFieldNames.MAIN_CONTACT.equals(field) || "ID".equals(field)) {
                UUID id = row.uuid(field);
                value = id == null ? "" : id.toString();
            } else if (AccountFieldNames.VAT_NUMBER.equals(field)) {
                // A bookkeeper may have typed "NL 1234.56.789.B01": the same number as the compact form we send.
                String text = row.trimmed(field);
                value = text == null ? "" : VatNumbers.compact(text);
            } else {
                String text = row.trimmed(field);
                value = text == null ? "" : text;
            }
            values.put(field, value);
        }
        return values;
    }

    /** An empty value is sent as null, which clears the field in Exact. */
    static AccountFields toAccountFields(Map<String, String> values) {
        AccountFields fields = AccountFields.none();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String value = entry.getValue().isEmpty() ? null : entry.getValue();
            fields = switch (entry.getKey()) {
                case AccountFieldNames.IS_SUPPLIER -> fields.supplier(Boolean.parseBoolean(value));
                case AccountFieldNames.MAIN_CONTACT ->
                        fields.mainContact(value == null ? null : UUID.fromString(value));
                default -> fields.set(entry.getKey(), value);
            };
        }
        return fields;
    }

    static ContactFields toContactFields(Map<String, String> values) {
        ContactFields fields = ContactFields.none();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            fields = fields.set(entry.getKey(), entry.getValue().isEmpty() ? null : entry.getValue());
        }
        return fields;
    }
}
