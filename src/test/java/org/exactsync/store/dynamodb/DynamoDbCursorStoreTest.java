package org.exactsync.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.exactsync.store.CursorKey;
import org.exactsync.store.CursorRecord;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbCursorStoreTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    private static final CursorKey KEY = new CursorKey("acme", 123456, "sync/Cashflow/PaymentTerms");

    private final AdjustableClock clock = AdjustableClock.frozenAt(START);
    private DynamoDbCursorStore store;

    @BeforeEach
    void freshTable() {
        TestDynamo dynamo = TestDynamo.shared();
        store = new DynamoDbCursorStore(dynamo.client(), dynamo.newTable("cursors"), clock);
    }

    @Test
    void startsAbsentAndStoresTheFirstPosition() {
        assertThat(store.find(KEY)).isEmpty();

        assertThat(store.advance(KEY, 1000L, "page-1")).isTrue();

        assertThat(store.find(KEY)).contains(new CursorRecord(KEY, 1000L, "page-1", START));
    }

    @Test
    void neverMovesBackwards() {
        store.advance(KEY, 5000L, null);

        assertThat(store.advance(KEY, 4999L, "late page")).isFalse();
        assertThat(store.find(KEY).orElseThrow().position()).isEqualTo(5000L);
        assertThat(store.find(KEY).orElseThrow().detail()).isNull();
    }

    @Test
    void movesForwardAndStampsTheTime() {
        store.advance(KEY, 5000L, null);
        clock.advance(Duration.ofMinutes(1));

        assertThat(store.advance(KEY, 5001L, "x")).isTrue();
        assertThat(store.find(KEY)).contains(new CursorRecord(KEY, 5001L, "x", START.plusSeconds(60)));
    }

    @Test
    void startsOverAfterAReset() {
        store.advance(KEY, 5000L, null);

        store.reset(KEY);

        assertThat(store.find(KEY)).isEmpty();
        assertThat(store.advance(KEY, 1L, null)).isTrue();
    }

    @Test
    void keepsTheSameFeedOfTwoDivisionsAndTwoTenantsApart() {
        store.advance(KEY, 5000L, null);
        CursorKey otherDivision = new CursorKey("acme", 654321, KEY.feed());
        CursorKey otherTenant = new CursorKey("globex", 123456, KEY.feed());

        assertThat(store.advance(otherDivision, 10L, null)).isTrue();
        assertThat(store.advance(otherTenant, 20L, null)).isTrue();
        assertThat(store.find(KEY).orElseThrow().position()).isEqualTo(5000L);
        assertThat(store.find(otherDivision).orElseThrow().position()).isEqualTo(10L);
        assertThat(store.find(otherTenant).orElseThrow().position()).isEqualTo(20L);
    }
}
