package org.exactsync.flow.project;

/** How syncing a project into one division ended (Exact failures are thrown, not returned). */
sealed interface ProjectDivisionOutcome {

    /** The cost center exists and holds what it should. */
    record Synced(ProjectResult result) implements ProjectDivisionOutcome {
    }

    /** Every candidate code is already used by another cost center in Exact: a person must free or map one. */
    record NoFreeCode(int division, String firstCandidate) implements ProjectDivisionOutcome {
    }

    /** The mapped cost center no longer exists in Exact (deleted there): a person must decide. */
    record CostCenterGone(int division, String exactId) implements ProjectDivisionOutcome {
    }
}
