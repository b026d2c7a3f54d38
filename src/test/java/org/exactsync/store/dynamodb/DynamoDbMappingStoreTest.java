package org.exactsync.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingRecord;
import org.exactsync.store.MappingStore.Creation;
import org.exactsync.testsupport.Race;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbMappingStoreTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    private static final MappingKey RELATION = new MappingKey("acme", 123456, EntityKind.RELATION, "rel-1001");
    private static final String GUID = "0e9f9a3c-1111-4c1a-9a55-000000000001";

    private final AdjustableClock clock = AdjustableClock.frozenAt(START);
    private DynamoDbMappingStore store;

    @BeforeEach
    void freshTable() {
        TestDynamo dynamo = TestDynamo.shared();
        store = new DynamoDbMappingStore(dynamo.client(), dynamo.newTable("mappings"), clock);
    }

    private static MappingChange sent(String exactId, String code, String hash) {
        return new MappingChange(exactId, code, hash, Map.of("Name", "Bakkerij", "City", "Utrecht"));
    }

    @Test
    void createsAMappingOnceAndReturnsTheExistingOneAfterwards() {
        Creation first = store.createIfAbsent(RELATION, sent(GUID, "1001", "h1"));
        Creation second = store.createIfAbsent(RELATION, sent("other-guid", "1002", "h2"));

        assertThat(first.created()).isTrue();
        assertThat(first.record().version()).isEqualTo(1);
        assertThat(second.created()).isFalse();
        assertThat(second.record()).isEqualTo(first.record());
        assertThat(store.find(RELATION)).contains(first.record());
    }

    @Test
    void letsOneOfEightConcurrentCreatorsWin() throws Exception {
        List<Creation> results = Race.run(8, () -> store.createIfAbsent(RELATION,
                sent(Thread.currentThread().getName(), "1001", "h")));

        assertThat(results).filteredOn(Creation::created).hasSize(1);
        String winner = results.stream().filter(Creation::created).findFirst().orElseThrow().record().exactId();
        assertThat(results).extracting(creation -> creation.record().exactId()).containsOnly(winner);
    }

    @Test
    void storesWhatWasSentForConflictDetection() {
        MappingRecord record = store.createIfAbsent(RELATION, sent(GUID, "1001", "h1")).record();

        assertThat(store.find(RELATION).orElseThrow().sentValues())
                .containsEntry("Name", "Bakkerij").containsEntry("City", "Utrecht");
        assertThat(record.sentHash()).isEqualTo("h1");
        assertThat(record.updatedAt()).isEqualTo(START);
    }

    @Test
    void swapsOnlyFromTheExpectedVersion() {
        MappingRecord created = store.createIfAbsent(RELATION, sent(GUID, "1001", "h1")).record();

        MappingRecord swapped = store.compareAndSwap(RELATION, created.version(), sent(GUID, "1001", "h2"))
                .orElseThrow();

        assertThat(swapped.version()).isEqualTo(2);
        assertThat(swapped.sentHash()).isEqualTo("h2");
        assertThat(store.compareAndSwap(RELATION, created.version(), sent(GUID, "1001", "h3"))).isEmpty();
        assertThat(store.find(RELATION).orElseThrow().sentHash()).isEqualTo("h2");
    }

    @Test
    void doesNotSwapAMappingThatDoesNotExist() {
        assertThat(store.compareAndSwap(RELATION, 0, sent(GUID, "1001", "h1"))).isEmpty();
        assertThat(store.find(RELATION)).isEmpty();
    }

    @Test
    void findsAMappingByItsExactGuidOnceKnown() {
        MappingRecord pending = store.createIfAbsent(RELATION, new MappingChange(null, null, null, null)).record();
        assertThat(store.findByExactId("acme", 123456, EntityKind.RELATION, GUID)).isEmpty();

        store.compareAndSwap(RELATION, pending.version(), sent(GUID, "1001", "h1")).orElseThrow();

        assertThat(store.findByExactId("acme", 123456, EntityKind.RELATION, GUID))
                .map(MappingRecord::key).contains(RELATION);
    }

    @Test
    void listsEveryMappingOfOneKindInADivisionAcrossPages() {
        for (int i = 0; i < 30; i++) {
            store.createIfAbsent(new MappingKey("acme", 123456, EntityKind.RELATION, String.format("rel-%03d", i)),
                    new MappingChange("guid-" + i, Integer.toString(1000 + i), "h", Map.of("Blob", "x".repeat(40_000))));
        }
        store.createIfAbsent(new MappingKey("acme", 123456, EntityKind.PROJECT, "prj-1"), sent("p", "P1", "h"));
        store.createIfAbsent(new MappingKey("acme", 654321, EntityKind.RELATION, "rel-x"), sent("x", "9", "h"));

        List<MappingRecord> relations = store.findAll("acme", 123456, EntityKind.RELATION);

        assertThat(relations).hasSize(30);
        assertThat(relations.get(0).key().crmId()).isEqualTo("rel-000");
        assertThat(relations.get(29).key().crmId()).isEqualTo("rel-029");
        assertThat(store.findAll("acme", 123456, EntityKind.PROJECT)).extracting(r -> r.key().crmId())
                .containsExactly("prj-1");
    }

    @Test
    void keepsTheSameCrmIdInTwoDivisionsAndTwoTenantsApart() {
        store.createIfAbsent(RELATION, sent(GUID, "1001", "h1"));
        MappingKey otherDivision = new MappingKey("acme", 654321, EntityKind.RELATION, "rel-1001");
        MappingKey otherTenant = new MappingKey("globex", 123456, EntityKind.RELATION, "rel-1001");
        MappingKey otherKind = new MappingKey("acme", 123456, EntityKind.PROJECT, "rel-1001");

        assertThat(store.createIfAbsent(otherDivision, sent("guid-d2", "2001", "x")).created()).isTrue();
        assertThat(store.createIfAbsent(otherTenant, sent("guid-t2", "3001", "y")).created()).isTrue();
        assertThat(store.createIfAbsent(otherKind, sent("guid-k2", "P1", "z")).created()).isTrue();
        assertThat(store.find(RELATION).orElseThrow().exactCode()).isEqualTo("1001");
        assertThat(store.findByExactId("globex", 123456, EntityKind.RELATION, GUID)).isEmpty();
        assertThat(store.findByExactId("acme", 654321, EntityKind.RELATION, "guid-d2"))
                .map(MappingRecord::key).contains(otherDivision);
    }
}
