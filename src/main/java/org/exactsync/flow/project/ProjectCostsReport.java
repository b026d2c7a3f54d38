package org.exactsync.flow.project;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one {@code project-costs} run did.
 *
 * @param divisionsRead    divisions whose feed was read (divisions without mapped projects are skipped)
 * @param rowsRead         transaction-line rows returned by Exact
 * @param projectsUpdated  projects whose purchases changed (one {@code project.costs-updated} callback each)
 * @param failures         divisions that failed this run ({@code tenant/division: reason}); retried next run
 */
@RegisterForReflection
public record ProjectCostsReport(int divisionsRead, int rowsRead, int projectsUpdated, List<String> failures) {

    public ProjectCostsReport {
        failures = List.copyOf(failures);
    }

    /** The sum of per-division reports (a round's). */
    public static ProjectCostsReport sum(List<ProjectCostsReport> reports) {
        List<String> failures = new java.util.ArrayList<>();
        int divisions = 0;
        int rows = 0;
        int updated = 0;
        for (ProjectCostsReport report : reports) {
            divisions += report.divisionsRead();
            rows += report.rowsRead();
            updated += report.projectsUpdated();
            failures.addAll(report.failures());
        }
        return new ProjectCostsReport(divisions, rows, updated, failures);
    }
}
