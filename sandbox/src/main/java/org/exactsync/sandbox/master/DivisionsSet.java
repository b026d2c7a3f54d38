package org.exactsync.sandbox.master;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.DivisionDirectory;
import org.exactsync.sandbox.DivisionProfile;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.EntitySet;
import org.exactsync.sandbox.ExactValues;
import org.exactsync.sandbox.KeyKind;
import org.exactsync.sandbox.SandboxContext;

/**
 * {@code system/Divisions} (docs/exact-reference.md §2.9): every division of the sandbox, whichever division the URL
 * names (the sandbox has one licence; scoping still applies to the URL's division). Key Code (Int32).
 */
public final class DivisionsSet implements EntitySet {

    public static final String PATH = "system/Divisions";

    private static final EndpointSpec SPEC = new EndpointSpec(PATH, "Code", KeyKind.INT32, EndpointSpec.SINGLE_PAGE,
            false, Set.of(), false, Set.of(), Set.of("GET"), "Exact.Web.Api.Models.System.SystemDivision");
    private static final Set<String> PROPERTIES = Collections.unmodifiableSet(new LinkedHashSet<>(List.of("Code",
            "Hid", "Description", "Currency", "Country", "Legislation", "Status", "BlockingStatus", "IsMainDivision",
            "VATNumber", "ChamberOfCommerceNumber", "Current", "DivisionMoveDate")));

    private final DivisionDirectory directory;

    public DivisionsSet(DivisionDirectory directory) {
        this.directory = directory;
    }

    @Override
    public EndpointSpec spec() {
        return SPEC;
    }

    @Override
    public Set<String> properties() {
        return PROPERTIES;
    }

    @Override
    public List<Map<String, Object>> list(DivisionData division, SandboxContext context) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DivisionProfile p : directory.profiles()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("Code", p.code());
            // Hid is an Int64 in system/Divisions (its GUID twin lives elsewhere), rendered as a string (docs/exact-reference.md §1.8).
            row.put("Hid", (long) p.code());
            row.put("Description", p.description());
            row.put("Currency", p.currency());
            row.put("Country", p.country() == null ? null : ExactValues.padRight(p.country(), 3));
            row.put("Legislation", p.legislation());
            row.put("Status", p.status());
            row.put("BlockingStatus", p.blockingStatus());
            row.put("IsMainDivision", p.mainDivision());
            row.put("VATNumber", p.vatNumber());
            row.put("ChamberOfCommerceNumber", p.chamberOfCommerce());
            row.put("Current", p.code() == division.code());
            row.put("DivisionMoveDate", p.divisionMoveDate());
            rows.add(row);
        }
        return rows;
    }
}
