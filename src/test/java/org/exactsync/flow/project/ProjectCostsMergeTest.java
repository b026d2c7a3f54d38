package org.exactsync.flow.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exactsync.store.CostLine;
import org.junit.jupiter.api.Test;

class ProjectCostsMergeTest {

    @Test
    void addsFreshLinesInDateOrder() {
        Map<String, List<CostLine>> merged = ProjectCostsMerge.merge(Map.of("p1", List.of(line("a", "e1", 20, "10"))),
                Set.of("b"), Set.of(), Map.of("p1", List.of(line("b", "e2", 5, "7"))));

        assertThat(merged.get("p1")).extracting(CostLine::lineId).containsExactly("b", "a");
    }

    @Test
    void anEditedLineReplacesItsOldVersion() {
        Map<String, List<CostLine>> merged = ProjectCostsMerge.merge(Map.of("p1", List.of(line("a", "e1", 1, "10"))),
                Set.of("a"), Set.of(), Map.of("p1", List.of(line("a", "e1", 1, "12"))));

        assertThat(merged.get("p1")).extracting(CostLine::amount).containsExactly(new BigDecimal("12"));
    }

    @Test
    void aLineThatLeftTheProjectsCostCentersIsDropped() {
        Map<String, List<CostLine>> merged = ProjectCostsMerge.merge(Map.of("p1", List.of(line("a", "e1", 1, "10"))),
                Set.of("a"), Set.of(), Map.of());

        assertThat(merged).containsEntry("p1", List.of());
    }

    @Test
    void aRebookedEntryDropsAllItsOldLinesEvenWithNewLineIds() {
        Map<String, List<CostLine>> stored = Map.of(
                "p1", List.of(line("a", "e1", 1, "10"), line("x", "e9", 1, "3")),
                "p2", List.of(line("b", "e1", 1, "5")));

        Map<String, List<CostLine>> merged = ProjectCostsMerge.merge(stored, Set.of("c", "t0"), Set.of("e1"),
                Map.of("p2", List.of(line("c", "e1", 1, "15"))));

        assertThat(merged.get("p1")).extracting(CostLine::lineId).containsExactly("x");
        assertThat(merged.get("p2")).extracting(CostLine::lineId).containsExactly("c");
    }

    @Test
    void untouchedProjectsComeBackUnchanged() {
        List<CostLine> lines = List.of(line("a", "e1", 1, "10"));

        assertThat(ProjectCostsMerge.merge(Map.of("p1", lines), Set.of("z"), Set.of("e7"), Map.of()))
                .containsExactly(Map.entry("p1", lines));
    }

    private static CostLine line(String id, String entry, int day, String amount) {
        return new CostLine(id, entry, 1, LocalDate.of(2026, 11, day), "S", "1", "4010", new BigDecimal(amount),
                null);
    }
}
