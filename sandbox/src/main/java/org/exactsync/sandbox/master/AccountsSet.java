package org.exactsync.sandbox.master;

import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.ExactFault;
import org.exactsync.sandbox.ExactValues;
import org.exactsync.sandbox.KeyKind;
import org.exactsync.sandbox.SandboxContext;
import org.exactsync.sandbox.finance.DeletedLog;

/**
 * {@code crm/Accounts} (docs/exact-reference.md §5.1): Code stored right-aligned in 18 characters and assigned as
 * highest+1 when omitted, unique per division; Name mandatory; Status A/S/P/C; Country returned padded to 3;
 * mandatory filtering on GET; partial PUT; a rowversion {@code Timestamp} on every insert and update; field lengths
 * and references to payment conditions, VAT codes, GL accounts and accounts checked ({@link MasterFieldRules}).
 */
public final class AccountsSet extends MasterTableSet {

    public static final String PATH = "crm/Accounts";
    /** Exact's text for a duplicate code is UNCONFIRMED (§4.3); the sandbox uses the English UI pattern. */
    public static final String DUPLICATE_CODE = "Already exists: Code";

    static final int CODE_WIDTH = 18;

    private static final Set<String> STATUSES = Set.of("A", "S", "P", "C");
    private static final Set<String> MANDATORY_FILTER = Set.of("ID", "Code", "Name", "Status", "Type", "VATNumber",
            "ChamberOfCommerce", "Email", "Created", "Modified", "Blocked", "IsSales", "IsSupplier", "MainContact",
            "Parent", "Postcode", "City", "Country");

    private static final Map<String, FieldType> WRITABLE = writable();

    public AccountsSet() {
        super(new EndpointSpec(PATH, "ID", KeyKind.GUID, EndpointSpec.SINGLE_PAGE, false, MANDATORY_FILTER, false,
                Set.of(), Set.of("GET", "POST", "PUT", "DELETE"), "Exact.Web.Api.Models.Account"),
                List.of("ID", "Code", "Name", "Status", "IsSupplier", "IsSales", "IsPurchase", "Type",
                        "AddressLine1", "AddressLine2", "AddressLine3", "Postcode", "City", "State", "Country",
                        "Email", "Phone", "PhoneExtension", "Fax", "Website", "VATNumber", "ChamberOfCommerce", "RSIN",
                        "TradeName", "SearchCode", "Remarks", "Blocked", "PaymentConditionSales",
                        "PaymentConditionPurchase", "SalesVATCode", "PurchaseVATCode", "SalesCurrency",
                        "PurchaseCurrency", "GLAR", "GLAP", "GLAccountSales", "GLAccountPurchase", "MainContact",
                        "InvoiceAccount", "Parent", "InvoicingMethod", "Language", "CreditLineSales", "DiscountSales",
                        "StartDate", "EndDate", "Classification1", "Division", "Created", "Modified", "Timestamp"));
    }

    private static Map<String, FieldType> writable() {
        Map<String, FieldType> w = new LinkedHashMap<>();
        for (String s : List.of("Name", "Status", "AddressLine1", "AddressLine2", "AddressLine3", "Postcode", "City",
                "State", "Country", "Email", "Phone", "PhoneExtension", "Fax", "Website", "VATNumber",
                "ChamberOfCommerce", "RSIN", "TradeName", "SearchCode", "Remarks", "PaymentConditionSales",
                "PaymentConditionPurchase", "SalesVATCode", "PurchaseVATCode", "SalesCurrency", "PurchaseCurrency",
                "Language")) {
            w.put(s, FieldType.STRING);
        }
        for (String b : List.of("IsSupplier", "IsSales", "Blocked")) {
            w.put(b, FieldType.BOOLEAN);
        }
        for (String g : List.of("GLAR", "GLAP", "GLAccountSales", "GLAccountPurchase", "MainContact",
                "InvoiceAccount", "Parent")) {
            w.put(g, FieldType.GUID);
        }
        w.put("InvoicingMethod", FieldType.INT32);
        w.put("CreditLineSales", FieldType.DECIMAL);
        w.put("DiscountSales", FieldType.DECIMAL);
        w.put("StartDate", FieldType.DATE);
        w.put("EndDate", FieldType.DATE);
        return Map.copyOf(w);
    }

    @Override
    public Map<String, Object> create(DivisionData division, Map<String, Object> body, SandboxContext context) {
        if (blank(text(body, "Name"))) {
            throw ExactFault.badRequest("Mandatory: Name");
        }
        Map<String, Object> row = blankRow();
        row.put("Status", "A");
        row.put("IsSupplier", false);
        row.put("IsSales", true);
        row.put("IsPurchase", false);
        row.put("Blocked", false);
        row.put("Type", "A");
        applyWritable(row, body, WRITABLE);
        MasterFieldRules.checkLengths(body, MasterFieldRules.ACCOUNT_LENGTHS);
        MasterFieldRules.checkAccountReferences(division, body, row);
        validate(division, row, null);
        String code = text(body, "Code");
        row.put("Code", blank(code) ? nextCode(division) : uniqueCode(division, code, null));
        Instant now = context.clock().instant();
        stampCreated(row, division, now);
        table(division).put(row);
        context.publish(division.code(), "Accounts", row.get("ID"), "Create");
        return row;
    }

    @Override
    public void update(DivisionData division, Object key, Map<String, Object> body, SandboxContext context) {
        Map<String, Object> row = existing(division, key);
        Map<String, Object> changed = new LinkedHashMap<>(row);
        applyWritable(changed, body, WRITABLE);
        if (body.containsKey("Name") && blank(text(body, "Name"))) {
            throw ExactFault.badRequest("Mandatory: Name");
        }
        MasterFieldRules.checkLengths(body, MasterFieldRules.ACCOUNT_LENGTHS);
        MasterFieldRules.checkAccountReferences(division, body, changed);
        validate(division, changed, (UUID) key);
        String code = text(body, "Code");
        if (!blank(code)) {
            changed.put("Code", uniqueCode(division, code, (UUID) key));
        }
        stampModified(changed, division, context.clock().instant());
        table(division).put(changed);
        context.publish(division.code(), "Accounts", key, "Update");
    }

    @Override
    public void delete(DivisionData division, Object key, SandboxContext context) {
        existing(division, key);
        table(division).remove(key);
        // Deletions are not in sync/CRM/Accounts; sync/Deleted lists them (docs/exact-reference.md §5.17).
        DeletedLog.record(division, DeletedLog.ACCOUNTS, (UUID) key, context.clock().instant());
        context.publish(division.code(), "Accounts", key, "Delete");
    }

    private void validate(DivisionData division, Map<String, Object> row, UUID self) {
        Object status = row.get("Status");
        if (status != null && !STATUSES.contains(status.toString())) {
            throw ExactFault.badRequest("Invalid: Status");
        }
        Object country = row.get("Country");
        if (country != null) {
            String trimmed = country.toString().trim();
            if (trimmed.length() != 2) {
                throw ExactFault.badRequest("Invalid: Country");
            }
            // Exact returns the ISO-2 code padded to three characters ('NL ') (§1.6).
            row.put("Country", ExactValues.padRight(trimmed, 3));
        }
        Object mainContact = row.get("MainContact");
        if (mainContact != null && self != null) {
            Map<String, Object> contact = division.table(ContactsSet.PATH, "ID").get(mainContact).orElse(null);
            if (contact == null || !self.equals(contact.get("Account"))) {
                throw ExactFault.badRequest("Invalid reference: MainContact");
            }
        } else if (mainContact != null) {
            throw ExactFault.badRequest("Invalid reference: MainContact");
        }
    }

    private String uniqueCode(DivisionData division, String code, UUID self) {
        String trimmed = code.trim();
        if (trimmed.length() > CODE_WIDTH) {
            throw ExactFault.badRequest("Invalid: Code");
        }
        String padded = ExactValues.padLeft(trimmed, CODE_WIDTH);
        boolean taken = !table(division).where(r -> padded.equals(r.get("Code")) && !r.get("ID").equals(self))
                .isEmpty();
        if (taken) {
            throw ExactFault.badRequest(DUPLICATE_CODE);
        }
        return padded;
    }

    private String nextCode(DivisionData division) {
        BigInteger highest = BigInteger.ZERO;
        for (Map<String, Object> row : table(division).where(r -> true)) {
            String code = String.valueOf(row.get("Code")).trim();
            if (code.matches("\\d+")) {
                highest = highest.max(new BigInteger(code));
            }
        }
        return ExactValues.padLeft(highest.add(BigInteger.ONE).toString(), CODE_WIDTH);
    }
}
