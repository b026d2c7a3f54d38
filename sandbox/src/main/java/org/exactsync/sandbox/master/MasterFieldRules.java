package org.exactsync.sandbox.master;

import java.util.Map;
import java.util.UUID;
import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.ExactFault;
import org.exactsync.sandbox.Table;

/**
 * What Exact checks on the text and reference fields of master data, beyond "mandatory": maximum lengths
 * (docs/exact-reference.md §5.20; Exact publishes none, the sandbox takes the smaller of the two known sources) and
 * codes or GUIDs that must name an existing record of the division (§5.1). Only the fields a request names are
 * checked, so a PUT of one field never fails on a value stored before. A clearing value (empty text) passes.
 */
final class MasterFieldRules {

    /** {@code crm/Accounts} text fields and their limits (§5.20). */
    static final Map<String, Integer> ACCOUNT_LENGTHS = Map.ofEntries(
            Map.entry("Name", 50),
            Map.entry("AddressLine1", 60), Map.entry("AddressLine2", 60), Map.entry("AddressLine3", 60),
            Map.entry("Postcode", 20), Map.entry("City", 30),
            Map.entry("Email", 100), Map.entry("Phone", 17), Map.entry("Fax", 17),
            Map.entry("VATNumber", 20), Map.entry("ChamberOfCommerce", 40));

    /** {@code crm/Contacts} text fields the sources give a limit for (§5.20). */
    static final Map<String, Integer> CONTACT_LENGTHS = Map.of(
            "Email", 100, "BusinessEmail", 100,
            "Phone", 17, "BusinessPhone", 17, "BusinessFax", 17);

    /** {@code hrm/Costcenters}: Description 60 (§5.10, §5.20); the code's 8 is checked by the set itself. */
    static final Map<String, Integer> COSTCENTER_LENGTHS = Map.of("Description", 60);

    /** Account fields holding a payment-condition code (§5.1, §5.19). */
    private static final String[] PAYMENT_CONDITION_FIELDS = {"PaymentConditionSales", "PaymentConditionPurchase"};
    /** Account fields holding a VAT code (§5.1, §5.8). */
    private static final String[] VAT_CODE_FIELDS = {"SalesVATCode", "PurchaseVATCode"};
    /** Account fields holding a GL account GUID (§5.1, §5.7). */
    private static final String[] GL_ACCOUNT_FIELDS = {"GLAR", "GLAP", "GLAccountSales", "GLAccountPurchase"};
    /** Account fields holding another account's GUID (§5.1). */
    private static final String[] ACCOUNT_FIELDS = {"InvoiceAccount", "Parent"};

    private MasterFieldRules() {
    }

    /** 400 {@code Invalid: <Field> (maximum length n)} for the first field of {@code body} longer than its limit. */
    static void checkLengths(Map<String, Object> body, Map<String, Integer> limits) {
        for (Map.Entry<String, Integer> limit : limits.entrySet()) {
            Object value = body.get(limit.getKey());
            if (value != null && value.toString().length() > limit.getValue()) {
                throw ExactFault.badRequest("Invalid: " + limit.getKey() + " (maximum length " + limit.getValue()
                        + ")");
            }
        }
    }

    /**
     * 400 {@code Invalid reference: <Field>} when an account field of {@code body} names a payment condition, VAT
     * code, GL account or account the division does not have (Exact: "Ongeldige referentie: Betalingsconditie",
     * §4.3). {@code row} holds the values as read (codes as text, GUIDs as {@link UUID}).
     */
    static void checkAccountReferences(DivisionData division, Map<String, Object> body, Map<String, Object> row) {
        for (String field : PAYMENT_CONDITION_FIELDS) {
            requireCode(division.table(PaymentConditionsSet.PATH, "ID"), field, body, row);
        }
        for (String field : VAT_CODE_FIELDS) {
            requireCode(division.table(MasterEntities.VAT_CODES, "ID"), field, body, row);
        }
        for (String field : GL_ACCOUNT_FIELDS) {
            requireId(division.table(GLAccountsSet.PATH, "ID"), field, body, row);
        }
        for (String field : ACCOUNT_FIELDS) {
            requireId(division.table(AccountsSet.PATH, "ID"), field, body, row);
        }
    }

    private static void requireCode(Table table, String field, Map<String, Object> body, Map<String, Object> row) {
        Object value = row.get(field);
        if (!body.containsKey(field) || value == null || value.toString().isBlank()) {
            return;
        }
        String code = value.toString().strip();
        // Codes are stored padded (VAT codes '2  '), so both sides are compared trimmed.
        boolean known = !table.where(r -> r.get("Code") != null && code.equals(r.get("Code").toString().strip()))
                .isEmpty();
        if (!known) {
            throw ExactFault.badRequest("Invalid reference: " + field);
        }
    }

    private static void requireId(Table table, String field, Map<String, Object> body, Map<String, Object> row) {
        Object value = row.get(field);
        if (body.containsKey(field) && value != null && table.get(value).isEmpty()) {
            throw ExactFault.badRequest("Invalid reference: " + field);
        }
    }
}
