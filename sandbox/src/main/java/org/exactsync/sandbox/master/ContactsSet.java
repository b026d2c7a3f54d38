package org.exactsync.sandbox.master;

import java.util.ArrayList;
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
 * {@code crm/Contacts} (docs/exact-reference.md §5.2): Account mandatory and accepted on POST only (a PUT cannot move a
 * contact); at least a first or a last name; {@code IsMainContact} and the account fields are derived on read from
 * the account's {@code MainContact}; {@code Email}/{@code BusinessEmail} (and phone/mobile) are twins that
 * overwrite each other; e-mail and phone lengths checked ({@link MasterFieldRules}).
 */
public final class ContactsSet extends MasterTableSet {

    public static final String PATH = "crm/Contacts";

    private static final Map<String, String> TWINS = Map.of(
            "Email", "BusinessEmail", "BusinessEmail", "Email",
            "Phone", "BusinessPhone", "BusinessPhone", "Phone",
            "Mobile", "BusinessMobile", "BusinessMobile", "Mobile");

    private static final Map<String, FieldType> WRITABLE = writable();

    public ContactsSet() {
        super(new EndpointSpec(PATH, "ID", KeyKind.GUID, EndpointSpec.SINGLE_PAGE, false, Set.of(), false, Set.of(),
                Set.of("GET", "POST", "PUT", "DELETE"), "Exact.Web.Api.Models.Contact"),
                List.of("ID", "Account", "AccountName", "AccountIsCustomer", "AccountIsSupplier", "FirstName",
                        "MiddleName", "LastName", "FullName", "Initials", "Title", "Email", "Phone", "Mobile",
                        "BusinessEmail", "BusinessPhone", "BusinessMobile", "BusinessFax", "JobTitleDescription",
                        "Gender", "Language", "Notes", "StartDate", "EndDate", "IsMainContact", "Division", "Created",
                        "Modified", "Timestamp"));
    }

    private static Map<String, FieldType> writable() {
        Map<String, FieldType> w = new LinkedHashMap<>();
        for (String s : List.of("FirstName", "MiddleName", "LastName", "Initials", "Title", "Email", "Phone",
                "Mobile", "BusinessEmail", "BusinessPhone", "BusinessMobile", "BusinessFax", "JobTitleDescription",
                "Gender", "Language", "Notes")) {
            w.put(s, FieldType.STRING);
        }
        w.put("StartDate", FieldType.DATE);
        w.put("EndDate", FieldType.DATE);
        return Map.copyOf(w);
    }

    @Override
    public List<Map<String, Object>> list(DivisionData division, SandboxContext context) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : table(division).snapshotSortedByKey()) {
            out.add(withDerived(division, row));
        }
        return out;
    }

    @Override
    public Map<String, Object> create(DivisionData division, Map<String, Object> body, SandboxContext context) {
        Object accountRaw = body.get("Account");
        if (accountRaw == null || accountRaw.toString().isBlank()) {
            throw ExactFault.badRequest("Mandatory: Account");
        }
        UUID account = ExactValues.parseGuid(accountRaw);
        if (division.table(AccountsSet.PATH, "ID").get(account).isEmpty()) {
            throw ExactFault.badRequest("Invalid reference: Account");
        }
        MasterFieldRules.checkLengths(body, MasterFieldRules.CONTACT_LENGTHS);
        Map<String, Object> row = blankRow();
        applyWritable(row, body, WRITABLE);
        applyTwins(row, body);
        requireName(row);
        row.put("Account", account);
        stampCreated(row, division, context.clock().instant());
        table(division).put(row);
        context.publish(division.code(), "Contacts", row.get("ID"), "Create");
        return withDerived(division, row);
    }

    @Override
    public void update(DivisionData division, Object key, Map<String, Object> body, SandboxContext context) {
        Map<String, Object> changed = new LinkedHashMap<>(existing(division, key));
        // Account is POST-only (META22): a PUT that names it leaves the contact where it is.
        MasterFieldRules.checkLengths(body, MasterFieldRules.CONTACT_LENGTHS);
        applyWritable(changed, body, WRITABLE);
        applyTwins(changed, body);
        requireName(changed);
        stampModified(changed, division, context.clock().instant());
        table(division).put(changed);
        context.publish(division.code(), "Contacts", key, "Update");
    }

    @Override
    public void delete(DivisionData division, Object key, SandboxContext context) {
        existing(division, key);
        table(division).remove(key);
        DeletedLog.record(division, DeletedLog.CONTACTS, (UUID) key, context.clock().instant());
        context.publish(division.code(), "Contacts", key, "Delete");
    }

    private static void applyTwins(Map<String, Object> row, Map<String, Object> body) {
        for (Map.Entry<String, String> twin : TWINS.entrySet()) {
            if (body.containsKey(twin.getKey())) {
                row.put(twin.getValue(), row.get(twin.getKey()));
            }
        }
    }

    private static void requireName(Map<String, Object> row) {
        if (blank((String) row.get("FirstName")) && blank((String) row.get("LastName"))) {
            throw ExactFault.badRequest("Mandatory: First name or Last name");
        }
    }

    private Map<String, Object> withDerived(DivisionData division, Map<String, Object> row) {
        Map<String, Object> view = new LinkedHashMap<>(row);
        Map<String, Object> account = division.table(AccountsSet.PATH, "ID").get(row.get("Account")).orElse(null);
        view.put("IsMainContact", account != null && row.get("ID").equals(account.get("MainContact")));
        view.put("AccountName", account == null ? null : account.get("Name"));
        view.put("AccountIsCustomer", account != null && "C".equals(account.get("Status")));
        view.put("AccountIsSupplier", account != null && Boolean.TRUE.equals(account.get("IsSupplier")));
        String full = String.join(" ", java.util.stream.Stream.of(row.get("FirstName"), row.get("MiddleName"),
                row.get("LastName")).filter(v -> v != null && !v.toString().isBlank()).map(Object::toString)
                .toList());
        view.put("FullName", full);
        return view;
    }
}
