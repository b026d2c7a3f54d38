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
 * {@code hrm/Costcenters} (docs/exact-reference.md §5.10): Code and Description mandatory; Code at most 8 characters
 * (Invantive's model; Exact publishes no limit), unique, and POST-only (Exact changes it only through its recode
 * function); Description (at most 60 characters, the same model), Active and EndDate are updatable.
 */
public final class CostcentersSet extends MasterTableSet {

    public static final String PATH = "hrm/Costcenters";
    static final int MAX_CODE_LENGTH = 8;

    private static final Map<String, FieldType> UPDATABLE = Map.of(
            "Description", FieldType.STRING, "Active", FieldType.BOOLEAN, "EndDate", FieldType.DATE);

    public CostcentersSet() {
        super(new EndpointSpec(PATH, "ID", KeyKind.GUID, EndpointSpec.SINGLE_PAGE, false, Set.of(), false, Set.of(),
                Set.of("GET", "POST", "PUT", "DELETE"), "Exact.Web.Api.Models.HRM.Costcenter"),
                List.of("ID", "Code", "Description", "Active", "EndDate", "Division", "Created", "Modified"));
    }

    @Override
    public Map<String, Object> create(DivisionData division, Map<String, Object> body, SandboxContext context) {
        String code = text(body, "Code");
        if (blank(code)) {
            throw ExactFault.badRequest("Mandatory: Code");
        }
        if (blank(text(body, "Description"))) {
            throw ExactFault.badRequest("Mandatory: Description");
        }
        MasterFieldRules.checkLengths(body, MasterFieldRules.COSTCENTER_LENGTHS);
        String trimmed = code.trim();
        if (trimmed.length() > MAX_CODE_LENGTH) {
            throw ExactFault.badRequest("Invalid: Code (maximum length " + MAX_CODE_LENGTH + ")");
        }
        if (!table(division).where(r -> trimmed.equals(r.get("Code"))).isEmpty()) {
            throw ExactFault.badRequest("Already exists: Code");
        }
        Map<String, Object> row = blankRow();
        row.put("Active", true);
        applyWritable(row, body, UPDATABLE);
        row.put("Code", trimmed);
        stampCreated(row, division, context.clock().instant());
        table(division).put(row);
        return row;
    }

    @Override
    public void update(DivisionData division, Object key, Map<String, Object> body, SandboxContext context) {
        Map<String, Object> changed = new LinkedHashMap<>(existing(division, key));
        // Code is POST-only: a PUT naming it leaves the code unchanged.
        MasterFieldRules.checkLengths(body, MasterFieldRules.COSTCENTER_LENGTHS);
        applyWritable(changed, body, UPDATABLE);
        if (blank((String) changed.get("Description"))) {
            throw ExactFault.badRequest("Mandatory: Description");
        }
        stampModified(changed, division, context.clock().instant());
        table(division).put(changed);
    }

    @Override
    public void delete(DivisionData division, Object key, SandboxContext context) {
        existing(division, key);
        table(division).remove(key);
    }
}
