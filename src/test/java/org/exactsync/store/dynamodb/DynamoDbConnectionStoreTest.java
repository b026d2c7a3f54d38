package org.exactsync.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.SyncMode;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbConnectionStoreTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    private final AdjustableClock clock = AdjustableClock.frozenAt(START);
    private DynamoDbConnectionStore store;

    @BeforeEach
    void freshTable() {
        TestDynamo dynamo = TestDynamo.shared();
        store = new DynamoDbConnectionStore(dynamo.client(), dynamo.newTable("connections"), clock);
    }

    private static ConnectionRecord draft(String tenant) {
        return new ConnectionRecord(tenant, "https://start.exactonline.nl", "user-1", "client-1",
                List.of(123456, 654321), List.of(123456), ConnectionStatus.ACTIVE, SyncMode.DRY_RUN, null, null, 0);
    }

    @Test
    void savesANewConnectionAndReadsItBack() {
        ConnectionRecord saved = store.save(draft("acme")).orElseThrow();

        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.createdAt()).isEqualTo(START);
        assertThat(store.find("acme")).contains(saved);
        assertThat(saved.divisions()).containsExactly(123456, 654321);
        assertThat(saved.tokenKey()).isEqualTo(new TokenKey("acme", "https://start.exactonline.nl", "user-1"));
    }

    @Test
    void refusesASecondCreateOfTheSameTenant() {
        store.save(draft("acme")).orElseThrow();

        assertThat(store.save(draft("acme"))).isEmpty();
    }

    @Test
    void goesLiveOnlyFromTheVersionRead() {
        ConnectionRecord saved = store.save(draft("acme")).orElseThrow();
        clock.advance(Duration.ofHours(1));
        ConnectionRecord live = new ConnectionRecord(saved.tenant(), saved.site(), saved.exactUser(),
                saved.clientId(), saved.divisions(), saved.defaultDivisions(), saved.status(), SyncMode.LIVE,
                saved.createdAt(), saved.updatedAt(), saved.version());

        ConnectionRecord updated = store.save(live).orElseThrow();

        assertThat(updated.mode()).isEqualTo(SyncMode.LIVE);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.createdAt()).isEqualTo(START);
        assertThat(updated.updatedAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(store.save(live)).isEmpty();
    }

    @Test
    void listsEveryTenantsConnection() {
        for (String tenant : List.of("acme", "globex", "initech")) {
            store.save(draft(tenant)).orElseThrow();
        }

        assertThat(store.findAll()).extracting(ConnectionRecord::tenant)
                .containsExactlyInAnyOrder("acme", "globex", "initech");
    }
}
