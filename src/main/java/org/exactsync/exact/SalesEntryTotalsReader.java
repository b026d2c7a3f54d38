package org.exactsync.exact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.model.SalesEntryTotals;
import org.exactsync.exact.odata.ExactRow;
import org.exactsync.exact.odata.OData;
import org.exactsync.exact.odata.ODataQuery;

/**
 * Reads sales entries with their lines (for reconciliation) in as few calls as Exact allows (docs/exact-reference.md §1.4, §1.5, §5.4): one
 * paged GET per period and journal set, the lines expanded into the same answer; entries not found there are looked
 * up by EntryID in batches, so an entry merely moved out of the period is not taken for a deleted one.
 */
public final class SalesEntryTotalsReader {

    private static final String PATH = "salesentry/SalesEntries";
    /** EntryIDs per look-up: keeps the URL of a filter of GUIDs far below what servers accept. */
    static final int IDS_PER_CALL = 40;
    private static final String LINES = "SalesEntryLines";
    private static final ODataQuery SELECT = ODataQuery.select("EntryID", "Customer", "Journal", "EntryDate", LINES)
            .expand(LINES);
    private static final String LINES_PATH = "salesentry/SalesEntryLines";
    private static final ODataQuery LINE_SELECT = ODataQuery.select("EntryID", "AmountFC", "VATAmountFC",
            "GLAccountCode");

    private final ExactOnline exact;

    /** Reads through {@code exact}'s generic query, each call budgeted and paged as any other. */
    public SalesEntryTotalsReader(ExactOnline exact) {
        this.exact = exact;
    }

    /** The entries of these journals with an entry date in [from, to], by EntryID (lower case). */
    public Map<String, SalesEntryTotals> inPeriod(ExactTarget target, Collection<String> journals, LocalDate from,
            LocalDate to) {
        if (journals.isEmpty()) {
            return Map.of();
        }
        String journalFilter = journals.stream().sorted().map(j -> OData.eq("Journal", OData.string(j)))
                .collect(Collectors.joining(" or ", "(", ")"));
        // Entry dates are business dates at midnight: "before the next day" includes every entry dated `to`.
        String filter = journalFilter + " and EntryDate ge " + OData.datetime(from) + " and EntryDate lt "
                + OData.datetime(to.plusDays(1));
        return read(target, filter);
    }

    /** The entries with these EntryIDs that still exist, by EntryID (lower case). */
    public Map<String, SalesEntryTotals> byIds(ExactTarget target, Collection<String> entryIds) {
        Map<String, SalesEntryTotals> found = new LinkedHashMap<>();
        for (String filter : byEntryId(entryIds)) {
            found.putAll(read(target, filter));
        }
        return found;
    }

    private Map<String, SalesEntryTotals> read(ExactTarget target, String filter) {
        Map<String, SalesEntryTotals> entries = new LinkedHashMap<>();
        Map<String, ExactRow> deferred = new LinkedHashMap<>();
        try (Stream<ExactRow> rows = exact.query(target, PATH, SELECT.filter(filter))) {
            rows.forEach(row -> {
                if (row.json().path(LINES).has("__deferred")) {
                    deferred.put(row.uuid("EntryID").toString(), row);
                } else {
                    SalesEntryTotals e = state(row, lines(row.json().get(LINES)));
                    entries.put(e.entryId(), e);
                }
            });
        }
        if (!deferred.isEmpty()) {
            Map<String, List<JsonNode>> lines = linesOf(target, deferred.keySet());
            deferred.forEach((id, row) -> entries.put(id, state(row, lines.getOrDefault(id, List.of()))));
        }
        return entries;
    }

    /**
     * The lines of entries whose answer left them {@code __deferred} (an OData server may ignore {@code $expand};
     * docs/exact-reference.md §1.4): read from {@code SalesEntryLines} in batches, never taken as an entry without lines,
     * which would report every such invoice as a changed amount.
     */
    private Map<String, List<JsonNode>> linesOf(ExactTarget target, Collection<String> entryIds) {
        Map<String, List<JsonNode>> byEntry = new LinkedHashMap<>();
        for (String filter : byEntryId(entryIds)) {
            try (Stream<ExactRow> rows = exact.query(target, LINES_PATH, LINE_SELECT.filter(filter))) {
                rows.forEach(line -> byEntry.computeIfAbsent(line.uuid("EntryID").toString(), k -> new ArrayList<>())
                        .add(line.json()));
            }
        }
        return byEntry;
    }

    /** {@code EntryID} filters of at most {@link #IDS_PER_CALL} ids each, together naming every id. */
    private static List<String> byEntryId(Collection<String> entryIds) {
        List<String> ids = new ArrayList<>(entryIds);
        List<String> filters = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += IDS_PER_CALL) {
            filters.add(ids.subList(start, Math.min(ids.size(), start + IDS_PER_CALL)).stream()
                    .map(id -> OData.eq("EntryID", OData.guid(UUID.fromString(id))))
                    .collect(Collectors.joining(" or ")));
        }
        return filters;
    }

    private static SalesEntryTotals state(ExactRow row, Iterable<JsonNode> lines) {
        BigDecimal excl = BigDecimal.ZERO;
        BigDecimal vat = BigDecimal.ZERO;
        List<String> gl = new ArrayList<>();
        for (JsonNode line : lines) {
            ExactRow l = new ExactRow(line);
            excl = excl.add(orZero(l.decimal("AmountFC")));
            vat = vat.add(orZero(l.decimal("VATAmountFC")));
            String code = l.trimmed("GLAccountCode");
            if (code != null) {
                gl.add(code);
            }
        }
        UUID customer = row.uuid("Customer");
        return new SalesEntryTotals(row.uuid("EntryID").toString(), customer == null ? "" : customer.toString(), excl,
                vat, gl);
    }

    /** Expanded collections come as {@code {"results":[…]}} (OData v2 verbose); a bare array is read too. */
    private static Iterable<JsonNode> lines(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        JsonNode results = node.isArray() ? node : node.get("results");
        return results == null ? List.of() : results;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
