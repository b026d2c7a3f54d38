package org.exactsync.sandbox.finance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.EntitySet;
import org.exactsync.sandbox.ExactFault;
import org.exactsync.sandbox.KeyKind;
import org.exactsync.sandbox.SandboxContext;

/**
 * {@code salesentry/SalesEntryLines} and {@code purchaseentry/PurchaseEntryLines}: the lines of booked entries, and
 * the way to change them after the header POST (§1.7). Every change re-books the whole entry; deleting the last
 * line deletes the entry, as Exact does.
 */
public final class EntryLineSet implements EntitySet {

    private static final List<String> LINE_FIELDS = List.of("GLAccount", "AmountFC", "VATCode", "VATAmountFC",
            "CostCenter", "CostUnit", "Project", "Description", "Notes", "Quantity");

    private final EntryKind kind;
    private final EndpointSpec spec;
    private final EntryRebooker rebooker;
    private final EntryChanges changes;

    private EntryLineSet(EntryKind kind, String path, String type, FinanceOptions options) {
        this.kind = kind;
        this.spec = new EndpointSpec(path, "ID", KeyKind.GUID, EndpointSpec.SINGLE_PAGE, false, Set.of(), false,
                Set.of(), Set.of("GET", "POST", "PUT", "DELETE"), type);
        ExactMessages messages = new ExactMessages(options.englishMessages());
        EntryValidator validator = new EntryValidator(messages);
        PaymentTermSigns signs = new PaymentTermSigns(options.receivableOwedNegative());
        this.rebooker = new EntryRebooker(validator, new EntryBooker(signs), signs);
        this.changes = new EntryChanges(validator, messages);
    }

    public static EntryLineSet salesEntryLines(FinanceOptions options) {
        return new EntryLineSet(EntryKind.SALES, "salesentry/SalesEntryLines",
                "Exact.Web.Api.Models.SalesEntryLine", options);
    }

    public static EntryLineSet purchaseEntryLines(FinanceOptions options) {
        return new EntryLineSet(EntryKind.PURCHASE, "purchaseentry/PurchaseEntryLines",
                "Exact.Web.Api.Models.PurchaseEntryLine", options);
    }

    @Override
    public EndpointSpec spec() {
        return spec;
    }

    @Override
    public Set<String> properties() {
        return FinanceProperties.ENTRY_LINE;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(DivisionData division, SandboxContext context) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> entry : division.table(kind.path, "EntryID").where(r -> true)) {
            for (Map<String, Object> line : (List<Map<String, Object>>) entry.get(kind.linesField)) {
                out.add(Rows.copy(line));
            }
        }
        out.sort(Comparator.comparing(r -> (UUID) r.get("ID")));
        return out;
    }

    @Override
    public Map<String, Object> create(DivisionData division, Map<String, Object> body, SandboxContext context) {
        if (!BodyValues.present(body, "EntryID")) {
            throw ExactFault.badRequest("Verplicht: EntryID");
        }
        UUID entryId = BodyValues.guid(body, "EntryID");
        if (division.table(kind.path, "EntryID").get(entryId).isEmpty()) {
            throw ExactFault.badRequest("Ongeldige referentie: EntryID");
        }
        List<Map<String, Object>> raw = storedLines(division, entryId);
        Map<String, Object> added = new HashMap<>();
        for (String field : LINE_FIELDS) {
            if (body.containsKey(field)) {
                added.put(field, body.get(field));
            }
        }
        raw.add(added);
        Map<String, Object> booked = rebooker.rebook(division, kind, entryId, raw, context);
        List<Map<String, Object>> lines = lines(booked);
        return Rows.copy(lines.get(lines.size() - 1));
    }

    @Override
    public void update(DivisionData division, Object key, Map<String, Object> body, SandboxContext context) {
        UUID lineId = BodyValues.guid(key);
        UUID entryId = entryOf(division, lineId);
        List<Map<String, Object>> raw = storedLines(division, entryId);
        for (Map<String, Object> line : raw) {
            if (lineId.equals(line.get("ID"))) {
                for (String field : LINE_FIELDS) {
                    if (body.containsKey(field)) {
                        line.put(field, body.get(field));
                    }
                }
                if (body.containsKey("AmountFC") && !body.containsKey("VATAmountFC")) {
                    // a new amount without a new VAT amount: let the VAT be computed again
                    line.remove("VATAmountFC");
                }
            }
        }
        rebooker.rebook(division, kind, entryId, raw, context);
    }

    @Override
    public void delete(DivisionData division, Object key, SandboxContext context) {
        UUID lineId = BodyValues.guid(key);
        UUID entryId = entryOf(division, lineId);
        List<Map<String, Object>> raw = storedLines(division, entryId);
        raw.removeIf(line -> lineId.equals(line.get("ID")));
        if (raw.isEmpty()) {
            changes.delete(division, kind, entryId, context);
        } else {
            rebooker.rebook(division, kind, entryId, raw, context);
        }
    }

    private UUID entryOf(DivisionData division, UUID lineId) {
        for (Map<String, Object> entry : division.table(kind.path, "EntryID").where(r -> true)) {
            for (Map<String, Object> line : lines(entry)) {
                if (lineId.equals(line.get("ID"))) {
                    return (UUID) entry.get("EntryID");
                }
            }
        }
        throw ExactFault.notFound();
    }

    /** The entry's lines as request-shaped maps (plus their ID), in line order. */
    private List<Map<String, Object>> storedLines(DivisionData division, UUID entryId) {
        Map<String, Object> entry = division.table(kind.path, "EntryID").get(entryId).orElseThrow();
        List<Map<String, Object>> raw = new ArrayList<>();
        for (Map<String, Object> line : lines(entry)) {
            Map<String, Object> copy = new HashMap<>();
            copy.put("ID", line.get("ID"));
            for (String field : LINE_FIELDS) {
                copy.put(field, line.get(field));
            }
            raw.add(copy);
        }
        return raw;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> lines(Map<String, Object> entry) {
        return (List<Map<String, Object>>) entry.get(kind.linesField);
    }
}
