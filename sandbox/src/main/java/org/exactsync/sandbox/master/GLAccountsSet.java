package org.exactsync.sandbox.master;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.ExactFault;
import org.exactsync.sandbox.KeyKind;
import org.exactsync.sandbox.SandboxContext;

/**
 * {@code financial/GLAccounts} (docs/exact-reference.md §5.7): Code and Description mandatory on POST, Code unique;
 * Type (20 AR, 22 AP, 24 VAT, 110 revenue …), BalanceType B/W, UseCostcenter 0 optional / 1 mandatory / 2 not
 * allowed, IsBlocked.
 */
public final class GLAccountsSet extends MasterTableSet {

    public static final String PATH = "financial/GLAccounts";

    private static final Map<String, FieldType> WRITABLE = Map.ofEntries(
            Map.entry("Code", FieldType.STRING), Map.entry("Description", FieldType.STRING),
            Map.entry("Type", FieldType.INT32), Map.entry("BalanceType", FieldType.STRING),
            Map.entry("BalanceSide", FieldType.STRING), Map.entry("VATCode", FieldType.STRING),
            Map.entry("UseCostcenter", FieldType.INT32), Map.entry("UseCostunit", FieldType.INT32),
            Map.entry("Costcenter", FieldType.STRING), Map.entry("Costunit", FieldType.STRING),
            Map.entry("IsBlocked", FieldType.BOOLEAN), Map.entry("SearchCode", FieldType.STRING));

    public GLAccountsSet() {
        super(new EndpointSpec(PATH, "ID", KeyKind.GUID, EndpointSpec.SINGLE_PAGE, false, Set.of(), false, Set.of(),
                Set.of("GET", "POST", "PUT", "DELETE"), "Exact.Web.Api.Models.GLAccount"),
                List.of("ID", "Code", "Description", "Type", "TypeDescription", "BalanceType", "BalanceSide",
                        "VATCode", "UseCostcenter", "UseCostunit", "Costcenter", "Costunit", "IsBlocked",
                        "SearchCode", "Division", "Created", "Modified"));
    }

    @Override
    public Map<String, Object> create(DivisionData division, Map<String, Object> body, SandboxContext context) {
        if (blank(text(body, "Code"))) {
            throw ExactFault.badRequest("Mandatory: Code");
        }
        if (blank(text(body, "Description"))) {
            throw ExactFault.badRequest("Mandatory: Description");
        }
        String code = text(body, "Code").trim();
        if (!table(division).where(r -> code.equals(r.get("Code"))).isEmpty()) {
            throw ExactFault.badRequest("Already exists: Code");
        }
        Map<String, Object> row = blankRow();
        row.put("Type", 90);
        row.put("BalanceType", "W");
        row.put("UseCostcenter", 0);
        row.put("UseCostunit", 0);
        row.put("IsBlocked", false);
        applyWritable(row, body, WRITABLE);
        row.put("Code", code);
        stampCreated(row, division, context.clock().instant());
        table(division).put(row);
        context.publish(division.code(), "GLAccounts", row.get("ID"), "Create");
        return row;
    }

    @Override
    public void update(DivisionData division, Object key, Map<String, Object> body, SandboxContext context) {
        Map<String, Object> changed = new LinkedHashMap<>(existing(division, key));
        applyWritable(changed, body, WRITABLE);
        stampModified(changed, division, context.clock().instant());
        table(division).put(changed);
        context.publish(division.code(), "GLAccounts", key, "Update");
    }

    @Override
    public void delete(DivisionData division, Object key, SandboxContext context) {
        existing(division, key);
        table(division).remove(key);
        context.publish(division.code(), "GLAccounts", key, "Delete");
    }
}
