package org.exactsync.flow.onboarding;

import java.util.List;

/**
 * A division's data-quality report before go-live: how the CRM relations known to the connector match Exact's
 * accounts, and every problem found on either side.
 *
 * @param indexRefreshedAt when the account index last read Exact, ISO-8601 (null: no index)
 * @param accounts         Exact accounts in the index
 * @param relations        CRM relations matched against the index so far
 * @param matched          relations with exactly one account (or the operator chose one)
 * @param toBeCreated      relations without an account (or the operator chose "create new")
 * @param ambiguous        relations waiting for the operator's choice
 */
public record OnboardingReport(String tenant, int division, String indexRefreshedAt, long accounts,
        long relations, long matched, long toBeCreated, long ambiguous, List<Finding> findings) {

    public OnboardingReport {
        findings = List.copyOf(findings);
    }
}
