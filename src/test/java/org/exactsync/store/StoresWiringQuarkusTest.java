package org.exactsync.store;

import org.exactsync.exact.port.BudgetKey;

import org.exactsync.exact.port.CallBudgetStore;

import org.exactsync.exact.port.TokenStore;

import org.exactsync.exact.port.TokenKey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Instant;

import jakarta.inject.Inject;

import org.exactsync.store.dynamodb.TableLayout;
import org.exactsync.testsupport.DynamoDbTestResource;
import org.exactsync.testsupport.StoreProbeProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The ports are beans wired to the DynamoDB client the extension produces, on the test resource's backend. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
@TestProfile(StoreProbeProfile.class)
class StoresWiringQuarkusTest {

    @Inject
    DynamoDbClient dynamo;
    @Inject
    EventStore events;
    @Inject
    CallBudgetStore budget;
    @Inject
    TokenStore tokens;
    @Inject
    MappingStore mappings;
    @Inject
    CursorStore cursors;
    @Inject
    ConnectionStore connections;

    @Test
    void reachesTheConfiguredTableThroughTheInjectedPorts() {
        assertThat(dynamo.listTables().tableNames()).contains(TableLayout.DEFAULT_TABLE_NAME);

        ClaimResult claim = events.claim(new NewEvent("wiring", "evt-1", "relation.upserted", "h", "{}",
                Instant.now().plusSeconds(3600)));
        assertThat(claim.outcome()).isIn(ClaimOutcome.NEW, ClaimOutcome.DUPLICATE_SAME_BODY);
        assertThat(events.find("wiring", "evt-1")).isPresent();
        assertThat(budget.tryTake(new BudgetKey("wiring-client", 1), "M:1", 60, Instant.now().plusSeconds(120)))
                .isTrue();
        assertThat(cursors.advance(new CursorKey("wiring", 1, "feed"), 1, null)).isTrue();
        assertThat(tokens.find(new TokenKey("wiring", "https://start.exactonline.nl", "u"))).isEmpty();
        assertThat(mappings.find(new MappingKey("wiring", 1, EntityKind.RELATION, "r"))).isEmpty();
        assertThat(connections.find("wiring")).isEmpty();
    }

    @Test
    void answersAFunctionCallFromTheStoreThroughTheLambdaEventServer() {
        given().contentType("application/json").body("\"tenant-without-connection\"")
                .when().post("/")
                .then().statusCode(200).body(is("false"));
    }
}
