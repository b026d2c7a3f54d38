package org.exactsync.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.exactsync.store.DivisionWatch;
import org.exactsync.testsupport.TestDynamo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbDivisionWatchStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private DynamoDbDivisionWatchStore store;

    @BeforeEach
    void setUp() {
        TestDynamo dynamo = TestDynamo.shared();
        store = new DynamoDbDivisionWatchStore(dynamo.client(), dynamo.newTable("watch"));
    }

    @Test
    void laterNotificationsKeepTheFirstMarkSoTheDebounceRunsFromIt() {
        store.markChanged("t1", 100001, T0);
        store.markChanged("t1", 100001, T0.plusSeconds(3));

        assertThat(store.find("t1", 100001)).contains(new DivisionWatch("t1", 100001, T0, null, null));
        assertThat(store.find("t1", 100002)).isEmpty();
        assertThat(store.find("t2", 100001)).isEmpty();
    }

    @Test
    void aClaimClearsTheMarkItSawAndOnlyOneOfTwoClaimsWins() {
        store.markChanged("t1", 100001, T0);

        boolean first = store.claimRead("t1", 100001, T0, T0.plusSeconds(5), false);
        boolean second = store.claimRead("t1", 100001, T0, T0.plusSeconds(5), false);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(store.find("t1", 100001)).contains(new DivisionWatch("t1", 100001, null, T0.plusSeconds(5),
                null));
    }

    @Test
    void aNotificationAfterTheLookMakesASweepClaimDecideAgain() {
        assertThat(store.claimRead("t1", 100001, null, T0, true)).isTrue();
        store.markChanged("t1", 100001, T0.plusSeconds(1));

        assertThat(store.claimRead("t1", 100001, null, T0.plusSeconds(2), true)).isFalse();
        assertThat(store.claimRead("t1", 100001, T0.plusSeconds(1), T0.plusSeconds(2), true)).isTrue();
        assertThat(store.find("t1", 100001)).contains(new DivisionWatch("t1", 100001, null, T0.plusSeconds(2),
                T0.plusSeconds(2)));
    }
}
