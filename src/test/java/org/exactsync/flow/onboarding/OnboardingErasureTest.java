package org.exactsync.flow.onboarding;

import com.fasterxml.jackson.databind.ObjectMapper;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.exactsync.store.SeenRelation;
import org.exactsync.store.TenantData;
import org.exactsync.store.dynamodb.DynamoDbSeenRelationStore;
import org.exactsync.store.dynamodb.DynamoDbTenantData;
import org.exactsync.testsupport.TestDynamo;
import org.junit.jupiter.api.Test;

/** A relation's erasure takes its onboarding records (its values as matched) along, and only its own. */
class OnboardingErasureTest {

    private final TestDynamo dynamo = TestDynamo.shared();
    private final String table = dynamo.newTable("onboarding-erasure");
    private final DynamoDbSeenRelationStore seen = new DynamoDbSeenRelationStore(dynamo.client(), table);

    private void record(String crmId, int division) {
        seen.record(new SeenRelation("t", division, crmId, Map.of("Name", "Jansen"), SeenRelation.MATCHED, "id",
                "vatNumber", List.of("1"), null, Instant.parse("2026-12-01T10:00:00Z")));
    }

    @Test
    void erasureDeletesTheRelationsOnboardingRecordsInEveryDivision() {
        record("r1", 1);
        record("r1", 2);
        record("r2", 1);

        TenantData.Erasure erasure = new DynamoDbTenantData(dynamo.client(), table, new ObjectMapper()).eraseRelation("t", "r1");

        assertThat(erasure.onboardingDeleted()).isEqualTo(2);
        assertThat(seen.find("t", 1, "r1")).isEmpty();
        assertThat(seen.find("t", 2, "r1")).isEmpty();
        assertThat(seen.find("t", 1, "r2")).isPresent();
    }
}
