package org.exactsync.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.exactsync.store.DivisionCacheStore.CachedCopy;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbDivisionCacheStoreTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    private final AdjustableClock clock = AdjustableClock.frozenAt(START);
    private DynamoDbDivisionCacheStore store;

    @BeforeEach
    void freshTable() {
        TestDynamo dynamo = TestDynamo.shared();
        store = new DynamoDbDivisionCacheStore(dynamo.client(), dynamo.newTable("caches"), clock);
    }

    @Test
    void keepsACopyUntilItExpiresEvenWhereTtlNeverDeletes() {
        store.put("acme", 100001, "finance-master-data", new CachedCopy("{\"a\":1}", START), START.plusSeconds(60));

        assertThat(store.find("acme", 100001, "finance-master-data")).contains(new CachedCopy("{\"a\":1}", START));
        assertThat(store.find("acme", 100002, "finance-master-data")).isEmpty();
        clock.advance(Duration.ofSeconds(60));
        assertThat(store.find("acme", 100001, "finance-master-data")).isEmpty();
    }

    @Test
    void evictionForgetsTheCopy() {
        store.put("acme", 100001, "x", new CachedCopy("p", START), START.plusSeconds(600));

        store.evict("acme", 100001, "x");

        assertThat(store.find("acme", 100001, "x")).isEmpty();
    }
}
