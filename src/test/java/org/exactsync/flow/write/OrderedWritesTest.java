package org.exactsync.flow.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingRecord;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.Test;

/** The one claim/write protocol on the real conditional writes (dynalite), without Exact: its state machine alone. */
class OrderedWritesTest {

    private static final Instant FIRST = Instant.parse("2026-11-27T08:00:00Z");
    private static final Instant SECOND = FIRST.plusSeconds(60);

    private final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-27T09:00:00Z"));
    private final TestDynamo dynamo = TestDynamo.shared();
    private final DynamoDbMappingStore mappings = new DynamoDbMappingStore(dynamo.client(),
            dynamo.newTable("ordered-writes"), clock);
    private final OrderedWrites writes = new OrderedWrites(mappings, clock);
    private final MappingKey key = new MappingKey("default", 100001, EntityKind.RELATION, "rel-1");
    private final List<Set<String>> putBack = new ArrayList<>();

    @Test
    void aVersionOlderThanTheAppliedOneIsRefusedAndANewerOrUnknownOneIsNot() {
        MappingRecord applied = created(Map.of("City", "Zeist"), SECOND);

        assertThat(OrderedWrites.olderThanApplied(applied, FIRST)).isTrue();
        assertThat(OrderedWrites.olderThanApplied(applied, SECOND)).isFalse();
        assertThat(OrderedWrites.olderThanApplied(applied, SECOND.plusSeconds(1))).isFalse();
        assertThat(OrderedWrites.olderThanApplied(applied, null)).isFalse();
    }

    @Test
    void anOlderCommitNeverMovesTheAppliedVersionBack() {
        MappingRecord applied = created(Map.of("City", "Zeist"), SECOND);

        MappingRecord after = writes.commit(applied, recorded(applied, Map.of("City", "Zeist")), FIRST);

        assertThat(after.write().appliedAt()).isEqualTo(SECOND);
    }

    @Test
    void aWriterThatReadBeforeAnotherBeganCannotBeginItself() {
        MappingRecord read = created(Map.of("City", "Zeist"), FIRST);
        writes.begin(read, "evt-newer", Set.of("City"));

        assertThatThrownBy(() -> writes.begin(read, "evt-older", Set.of("City")))
                .isInstanceOf(WriteRaceException.class);
        assertThatThrownBy(() -> writes.ready(mappings.find(key).orElseThrow(), this::record))
                .isInstanceOf(WriteRaceException.class).hasMessageContaining("evt-newer");
        assertThat(putBack).isEmpty();
    }

    @Test
    void aCommitRecordsTheValuesAndVersionAndClearsTheClaimWithNoStateAmongTheExactValues() {
        MappingRecord claim = writes.begin(created(Map.of("City", "Zeist"), FIRST), "evt-2", Set.of("City"));
        assertThat(claim.write().holder()).isEqualTo("evt-2");
        assertThat(claim.write().unsettled()).containsExactly("City");

        writes.commit(claim, new Recorded(claim.exactId(), "1001", Map.of("City", "Houten"), List.of("con-1")),
                SECOND);

        MappingRecord stored = mappings.find(key).orElseThrow();
        assertThat(stored.sentValues()).isEqualTo(Map.of("City", "Houten"));
        assertThat(stored.memberIds()).containsExactly("con-1");
        assertThat(stored.write().appliedAt()).isEqualTo(SECOND);
        assertThat(stored.write().leaseUntil()).isNull();
        assertThat(stored.write().unsettled()).isEmpty();
        assertThat(writes.leased(stored)).isFalse();
    }

    @Test
    void fieldsOfAPutWhoseAnswerWasLostArePutBackToTheRecordedValuesBeforeTheNextWrite() {
        MappingRecord claim = writes.begin(created(Map.of("City", "Zeist", "Name", "Bakkerij"), SECOND), null,
                Set.of("City"));
        writes.release(claim);

        MappingRecord ready = writes.ready(mappings.find(key).orElseThrow(), this::record);

        assertThat(putBack).containsExactly(Set.of("City"));
        assertThat(ready.sentValues()).containsEntry("City", "Zeist");
        assertThat(ready.write().unsettled()).isEmpty();
        assertThat(ready.write().appliedAt()).isEqualTo(SECOND);
        assertThat(mappings.find(key).orElseThrow().write().unsettled()).isEmpty();
    }

    @Test
    void aPutBackThatFailsStaysUnsettledForTheNextAttempt() {
        writes.release(writes.begin(created(Map.of("City", "Zeist"), SECOND), null, Set.of("City")));

        assertThatThrownBy(() -> writes.ready(mappings.find(key).orElseThrow(), (mapping, fields) -> {
            throw new IllegalStateException("Exact is down");
        })).isInstanceOf(IllegalStateException.class);
        writes.ready(mappings.find(key).orElseThrow(), this::record);

        assertThat(putBack).containsExactly(Set.of("City"));
    }

    @Test
    void aWriterOvertakenAfterItsLeaseLeavesItsFieldsUnsettledForTheWinnersNextWrite() {
        MappingRecord stalled = writes.begin(created(Map.of("City", "Zeist"), FIRST), "evt-stalled", Set.of("City"));
        clock.advance(OrderedWrites.LEASE.plusSeconds(1));
        MappingRecord taker = writes.ready(mappings.find(key).orElseThrow(), this::record);
        writes.commit(taker, recorded(taker, Map.of("City", "Houten")), SECOND);

        assertThatThrownBy(() -> writes.commit(stalled, recorded(stalled, Map.of("City", "Amersfoort")), FIRST))
                .isInstanceOf(WriteRaceException.class);

        MappingRecord stored = mappings.find(key).orElseThrow();
        assertThat(stored.sentValues()).containsEntry("City", "Houten");
        assertThat(stored.write().unsettled()).containsExactly("City");
    }

    @Test
    void aClaimWithinItsLeaseCannotBeTakenOverAndOneWhoseLeaseRanOutCan() {
        MappingRecord claim = writes.claim(key, Optional.empty(), "evt-1", null, Map.of("Name", "Bakkerij"));

        assertThatThrownBy(() -> writes.takeOver(claim, "evt-2", null)).isInstanceOf(WriteRaceException.class)
                .hasMessageContaining("evt-1");
        clock.advance(OrderedWrites.LEASE.plusSeconds(1));
        MappingRecord taken = writes.takeOver(mappings.find(key).orElseThrow(), "evt-2", null);

        assertThat(taken.write().holder()).isEqualTo("evt-2");
        assertThat(writes.leased(taken)).isTrue();
    }

    @Test
    void aReleasedClaimIsTakenOverAtOnceWithWhatItWasAboutToPostForTheLookUp() {
        MappingRecord claim = writes.claim(key, Optional.empty(), "evt-1", "P1", Map.of("Name", "Bakkerij"));
        writes.release(claim);

        MappingRecord taken = writes.takeOver(mappings.find(key).orElseThrow(), "evt-2", null);

        assertThat(taken.exactId()).isNull();
        assertThat(taken.exactCode()).isEqualTo("P1");
        assertThat(taken.sentValues()).isEqualTo(Map.of("Name", "Bakkerij"));
    }

    @Test
    void aSecondClaimOfAnEntityBeingCreatedLosesTheRace() {
        writes.claim(key, Optional.empty(), "evt-1", null, Map.of());

        assertThatThrownBy(() -> writes.claim(key, Optional.empty(), "evt-2", null, Map.of()))
                .isInstanceOf(WriteRaceException.class);
    }

    @Test
    void aClaimWrittenWithoutALeaseCountsItsLeaseFromItsWrite() {
        MappingRecord old = mappings.createIfAbsent(key, new MappingChange(null, null, null, Map.of())).record();

        assertThat(writes.leased(old)).isTrue();
        clock.advance(OrderedWrites.LEASE.plusSeconds(1));
        assertThat(writes.leased(mappings.find(key).orElseThrow())).isFalse();
    }

    private MappingRecord created(Map<String, String> values, Instant appliedAt) {
        MappingRecord claim = writes.claim(key, Optional.empty(), null, null, values);
        return writes.commit(claim, new Recorded("8f7e6d5c-0000-0000-0000-000000000001", "1001", values,
                List.of()), appliedAt);
    }

    private static Recorded recorded(MappingRecord mapping, Map<String, String> values) {
        return new Recorded(mapping.exactId(), mapping.exactCode(), values, mapping.memberIds());
    }

    private void record(MappingRecord mapping, Set<String> fields) {
        putBack.add(fields);
    }
}
