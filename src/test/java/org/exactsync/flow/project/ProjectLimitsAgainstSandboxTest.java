package org.exactsync.flow.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exactsync.flow.project.ProjectFlowFixture.DIVISION_A;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.inbound.Outcome;
import org.exactsync.mapping.ProjectLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cost center's description limit against the sandbox, which refuses a description over Exact's known 60
 * characters (docs/exact-reference.md §5.10, §5.20): the connector's longest description books, one more is refused
 * by the connector before any Exact call.
 */
class ProjectLimitsAgainstSandboxTest {

    private final ProjectFlowFixture flow = new ProjectFlowFixture();

    @AfterEach
    void stop() {
        flow.close();
    }

    @Test
    void booksACostCenterWhoseDescriptionIsAtTheConnectorsLimit() {
        String longest = "D".repeat(ProjectLimits.DESCRIPTION);

        Outcome outcome = flow.process(flow.handler(), ProjectFlowFixture.project("prj-max", "2026-900", longest, true),
                DIVISION_A);

        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        assertThat(flow.costCenters(DIVISION_A)).anySatisfy(c -> assertThat(c.get("Description")).isEqualTo(longest));
    }

    @Test
    void refusesADescriptionOneCharacterTooLongBeforeAnyExactCall() throws Exception {
        int callsBefore = flow.calls(DIVISION_A);

        var problems = flow.handler().validate(new ObjectMapper().readTree(ProjectFlowFixture.project("prj-long", "2026-901",
                "D".repeat(ProjectLimits.DESCRIPTION + 1), true)));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.toString()).contains("data.description"));
        assertThat(flow.calls(DIVISION_A)).isEqualTo(callsBefore);
    }
}
