package org.exactsync.flow.project;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exactsync.store.CostLine;

/**
 * Folds one read of Exact's transaction-line feed into the stored purchase lines of a division's projects. Pure.
 * <ul>
 * <li>A line whose {@code ID} came back again was edited: its old version goes, wherever it was booked.</li>
 * <li>An entry whose total line (line 0) came back was booked again as a whole: all its old lines go, so a line
 * removed from the entry or moved to another cost center does not linger on the old project.</li>
 * <li>Then the fresh purchase lines are added to their projects.</li>
 * </ul>
 */
final class ProjectCostsMerge {

    /** The order the CRM sees the entries in: date, entry number, line. */
    static final Comparator<CostLine> ORDER = Comparator.comparing(CostLine::date,
            Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(CostLine::entryNumber, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(CostLine::lineId);

    private ProjectCostsMerge() {
    }

    /**
     * @param stored          project id → lines stored before this read
     * @param touchedLineIds  the {@code ID} of every row the feed returned (purchase or not)
     * @param rebookedEntries {@code EntryID}s whose total line the feed returned
     * @param fresh           project id → the purchase lines the feed returned for it
     * @return project id → lines after this read, in {@link #ORDER}, for every project in either input
     */
    static Map<String, List<CostLine>> merge(Map<String, List<CostLine>> stored, Set<String> touchedLineIds,
            Set<String> rebookedEntries, Map<String, List<CostLine>> fresh) {
        Set<String> projects = new LinkedHashSet<>(stored.keySet());
        projects.addAll(fresh.keySet());
        Map<String, List<CostLine>> merged = new LinkedHashMap<>();
        for (String project : projects) {
            List<CostLine> lines = new ArrayList<>();
            for (CostLine line : stored.getOrDefault(project, List.of())) {
                if (!touchedLineIds.contains(line.lineId()) && !rebookedEntries.contains(line.entryId())) {
                    lines.add(line);
                }
            }
            lines.addAll(fresh.getOrDefault(project, List.of()));
            lines.sort(ORDER);
            merged.put(project, List.copyOf(lines));
        }
        return merged;
    }
}
