package org.exactsync.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.exactsync.exact.port.BudgetKey;
import org.exactsync.testsupport.Race;
import org.exactsync.testsupport.TestDynamo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

class DynamoDbCallBudgetStoreTest {

    private static final BudgetKey KEY = new BudgetKey("client-1", 123456);
    private static final String MINUTE = "M:29500000";
    private static final Instant EXPIRES = Instant.parse("2026-11-27T00:00:00Z");

    private TestDynamo dynamo;
    private String table;
    private DynamoDbCallBudgetStore store;

    @BeforeEach
    void freshTable() {
        dynamo = TestDynamo.shared();
        table = dynamo.newTable("budget");
        store = new DynamoDbCallBudgetStore(dynamo.client(), table);
    }

    @Test
    void countsFromZeroInAFreshWindow() {
        assertThat(store.used(KEY, MINUTE)).isZero();
        assertThat(store.tryTake(KEY, MINUTE, 60, EXPIRES)).isTrue();
        assertThat(store.tryTake(KEY, MINUTE, 60, EXPIRES)).isTrue();
        assertThat(store.used(KEY, MINUTE)).isEqualTo(2);
    }

    @Test
    void refusesTheCallAfterTheLimit() {
        for (int i = 0; i < 3; i++) {
            assertThat(store.tryTake(KEY, MINUTE, 3, EXPIRES)).isTrue();
        }

        assertThat(store.tryTake(KEY, MINUTE, 3, EXPIRES)).isFalse();
        assertThat(store.used(KEY, MINUTE)).isEqualTo(3);
    }

    @Test
    void neverExceedsTheLimitUnderSixteenConcurrentTakers() throws Exception {
        List<Integer> taken = Race.run(16, () -> {
            int mine = 0;
            for (int i = 0; i < 10; i++) {
                if (store.tryTake(KEY, MINUTE, 60, EXPIRES)) {
                    mine++;
                }
            }
            return mine;
        });

        assertThat(taken.stream().mapToInt(Integer::intValue).sum()).isEqualTo(60);
        assertThat(store.used(KEY, MINUTE)).isEqualTo(60);
    }

    @Test
    void raisesTheCountToWhatExactReportsButNeverLowersIt() {
        store.raiseTo(KEY, MINUTE, 40, EXPIRES);
        assertThat(store.used(KEY, MINUTE)).isEqualTo(40);

        store.raiseTo(KEY, MINUTE, 12, EXPIRES);
        assertThat(store.used(KEY, MINUTE)).isEqualTo(40);

        assertThat(store.tryTake(KEY, MINUTE, 41, EXPIRES)).isTrue();
        assertThat(store.tryTake(KEY, MINUTE, 41, EXPIRES)).isFalse();
    }

    @Test
    void keepsWindowsDivisionsAndAppsApart() {
        store.tryTake(KEY, MINUTE, 1, EXPIRES);

        assertThat(store.tryTake(KEY, "M:29500001", 1, EXPIRES)).isTrue();
        assertThat(store.tryTake(new BudgetKey("client-1", 654321), MINUTE, 1, EXPIRES)).isTrue();
        assertThat(store.tryTake(new BudgetKey("client-2", 123456), MINUTE, 1, EXPIRES)).isTrue();
        assertThat(store.tryTake(KEY, MINUTE, 1, EXPIRES)).isFalse();
    }

    @Test
    void stampsEachWindowWithItsExpiryInEpochSeconds() {
        store.tryTake(KEY, MINUTE, 60, EXPIRES);

        AttributeValue expiresAt = dynamo.client().getItem(GetItemRequest.builder().tableName(table)
                .key(Items.key(Keys.budget(KEY), Keys.budgetWindow(MINUTE))).build()).item().get("expiresAt");
        assertThat(expiresAt.n()).isEqualTo(Long.toString(EXPIRES.getEpochSecond()));
    }
}
