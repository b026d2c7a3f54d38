package org.exactsync.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.exactsync.mapping.LedgerMapping;
import org.exactsync.store.LedgerMappingRecord;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbLedgerMappingStoreTest {

    private final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:00:00Z"));
    private DynamoDbLedgerMappingStore store;

    @BeforeEach
    void freshTable() {
        TestDynamo dynamo = TestDynamo.shared();
        store = new DynamoDbLedgerMappingStore(dynamo.client(), dynamo.newTable("ledgers"), clock);
    }

    @Test
    void storesAndReadsTheMappingPerTenantAndDivision() {
        LedgerMappingRecord saved = store.save("acme", 100001, LedgerMapping.dutchStandard(), 0).orElseThrow();

        assertThat(saved.version()).isEqualTo(1);
        assertThat(store.find("acme", 100001).orElseThrow().mapping()).isEqualTo(LedgerMapping.dutchStandard());
        assertThat(store.find("acme", 100002)).isEmpty();
        assertThat(store.find("other", 100001)).isEmpty();
    }

    @Test
    void aSecondWriterOnTheSameVersionLoses() {
        store.save("acme", 100001, LedgerMapping.dutchStandard(), 0).orElseThrow();
        LedgerMapping edited = new LedgerMapping("71", Map.of("8000", "8001"), Map.of("standard|21.0", "2"), "8000");

        assertThat(store.save("acme", 100001, edited, 0)).isEmpty();
        LedgerMappingRecord second = store.save("acme", 100001, edited, 1).orElseThrow();
        assertThat(store.save("acme", 100001, LedgerMapping.dutchStandard(), 1)).isEmpty();

        assertThat(second.version()).isEqualTo(2);
        assertThat(store.find("acme", 100001).orElseThrow().mapping()).isEqualTo(edited);
        assertThat(edited.vatCodes()).containsEntry("standard|21", "2");
    }
}
