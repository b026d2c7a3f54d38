package org.exactsync.bench.soak;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one soak run did and found: the five counts that must be 0, how hostile the run was, and the findings behind
 * any non-zero count.
 */
public record SoakReport(SoakSettings settings, Map<String, Object> rows, Map<String, Integer> faultHits, int lost,
        int duplicates, int mismatched, int brokenTokenChains, int staleVersions, int crashes, int replayRounds, List<String> findings) {

    /** The counts the soak exists for: nothing lost, duplicated, mismatched, broken, or left on an older version. */
    public boolean clean() {
        return lost == 0 && duplicates == 0 && mismatched == 0 && brokenTokenChains == 0 && staleVersions == 0;
    }

    /** One Markdown table, printed and written to the harness's results file. */
    public String table() {
        Map<String, Object> all = new LinkedHashMap<>(rows);
        faultHits.forEach((kind, n) -> all.put("faults injected: " + kind, n));
        all.put("workers aborted between steps", crashes);
        all.put("event-replay rounds (during + after the storm)", replayRounds);
        all.put("**lost events**", lost);
        all.put("**duplicate bookings**", duplicates);
        all.put("**mismatched totals**", mismatched);
        all.put("**broken token chains**", brokenTokenChains);
        all.put("**relations/projects left on an older CRM version**", staleVersions);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "| reliability soak (seed %d, %d workers, %d divisions, clock %.0fx) | value |%n|---|---:|%n",
                settings.seed(), settings.workers(), settings.divisions(), settings.speed()));
        all.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        findings.forEach(f -> out.append("\n- ").append(f));
        return out.toString();
    }
}
