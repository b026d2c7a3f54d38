package org.exactsync.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The soak's reduced run (400 events, fixed seed) in the normal suite: the same code as the 5,000-event bench row.
 * It fails when any of the five counts is not 0 (older versions included), or when a fault kind it claims to survive never happened.
 */
class ReliabilitySoakTest {

    @Test
    void fourHundredMixedEventsUnderEveryFaultKindEndWithNothingLostDuplicatedMismatchedBrokenOrOnAnOlderVersion() throws Exception {
        SoakReport report = ReliabilitySoak.run(SoakSettings.reduced());
        System.out.println(report.table());

        assertThat(report.faultHits()).as("every fault kind was injected and hit").containsKeys("STATUS 500",
                "STATUS 502", "STATUS 504", "MAINTENANCE 503", "TOO_MANY_REQUESTS", "TIMEOUT_AFTER_COMMIT");
        assertThat(report.crashes()).as("workers aborted between steps").isPositive();
        assertThat(report.findings()).isEmpty();
        assertThat(report.lost()).isZero();
        assertThat(report.duplicates()).isZero();
        assertThat(report.mismatched()).isZero();
        assertThat(report.brokenTokenChains()).isZero();
        assertThat(report.staleVersions()).as("relations/projects left on an older CRM version").isZero();
    }
}
