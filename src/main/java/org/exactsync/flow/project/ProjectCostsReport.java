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
}
