package org.exactsync.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.exactsync.store.ClaimOutcome;
import org.exactsync.store.ClaimResult;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;
import org.exactsync.store.NewEvent;
import org.exactsync.testsupport.Race;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbEventStoreTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    private final AdjustableClock clock = AdjustableClock.frozenAt(START);
    private DynamoDbEventStore store;

    @BeforeEach
    void freshTable() {
        TestDynamo dynamo = TestDynamo.shared();
        store = new DynamoDbEventStore(dynamo.client(), dynamo.newTable("events"), clock);
    }

    private NewEvent event(String tenant, String eventId, String bodyHash) {
        return new NewEvent(tenant, eventId, "invoice.created", bodyHash, "{\"id\":\"inv-1\"}",
                clock.instant().plus(Duration.ofDays(30)));
    }

    private EventRecord leased(String tenant, String eventId, String owner) {
        EventRecord accepted = store.claim(event(tenant, eventId, "h1")).record();
        return store.startAttempt(tenant, eventId, accepted.version(), owner, clock.instant().plusSeconds(60))
                .orElseThrow();
    }

    @Test
    void storesAFirstDeliveryAsAcceptedWithItsBody() {
        ClaimResult result = store.claim(event("acme", "evt-1", "h1"));

        assertThat(result.outcome()).isEqualTo(ClaimOutcome.NEW);
        EventRecord stored = store.find("acme", "evt-1").orElseThrow();
        assertThat(stored.status()).isEqualTo(EventStatus.ACCEPTED);
        assertThat(stored.body()).isEqualTo("{\"id\":\"inv-1\"}");
        assertThat(stored.type()).isEqualTo("invoice.created");
        assertThat(stored.acceptedAt()).isEqualTo(START);
        assertThat(stored.expiresAt()).isEqualTo(START.plus(Duration.ofDays(30)));
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.attempts()).isZero();
    }

    @Test
    void answersARedeliveryWithTheSameBodyWithTheStoredStatusAndResult() {
        EventRecord lease = leased("acme", "evt-1", "worker-a");
        store.complete("acme", "evt-1", lease.version(), "worker-a", "{\"status\":\"synced\"}").orElseThrow();

        ClaimResult again = store.claim(event("acme", "evt-1", "h1"));

        assertThat(again.outcome()).isEqualTo(ClaimOutcome.DUPLICATE_SAME_BODY);
        assertThat(again.record().status()).isEqualTo(EventStatus.DONE);
        assertThat(again.record().result()).isEqualTo("{\"status\":\"synced\"}");
    }

    @Test
    void reportsTheSameIdWithAnotherBodyAsAConflictAndKeepsTheFirst() {
        store.claim(event("acme", "evt-1", "h1"));

        ClaimResult other = store.claim(event("acme", "evt-1", "h2"));

        assertThat(other.outcome()).isEqualTo(ClaimOutcome.CONFLICT_DIFFERENT_BODY);
        assertThat(store.find("acme", "evt-1").orElseThrow().bodyHash()).isEqualTo("h1");
    }

    @Test
    void letsExactlyOneOfEightConcurrentClaimsWin() throws Exception {
        List<ClaimOutcome> outcomes = Race.run(8, () -> store.claim(event("acme", "evt-race", "h1")).outcome());

        assertThat(outcomes).filteredOn(ClaimOutcome.NEW::equals).hasSize(1);
        assertThat(outcomes).filteredOn(ClaimOutcome.DUPLICATE_SAME_BODY::equals).hasSize(7);
    }

    @Test
    void treatsARecordPastItsExpiryAsANewDelivery() {
        store.claim(new NewEvent("acme", "evt-old", "invoice.created", "h1", "{}", START.plusSeconds(60)));
        clock.advance(Duration.ofMinutes(2));

        ClaimResult later = store.claim(event("acme", "evt-old", "h2"));

        assertThat(later.outcome()).isEqualTo(ClaimOutcome.NEW);
        assertThat(store.find("acme", "evt-old").orElseThrow().bodyHash()).isEqualTo("h2");
    }

    @Test
    void keepsTheSameEventIdOfTwoTenantsApart() {
        store.claim(event("acme", "evt-1", "h1"));

        ClaimResult otherTenant = store.claim(event("globex", "evt-1", "h2"));

        assertThat(otherTenant.outcome()).isEqualTo(ClaimOutcome.NEW);
        assertThat(store.find("acme", "evt-1").orElseThrow().bodyHash()).isEqualTo("h1");
        assertThat(store.find("globex", "evt-1").orElseThrow().bodyHash()).isEqualTo("h2");
    }

    @Test
    void keepsIdsThatDifferOnlyBySeparatorCharactersApart() {
        store.claim(event("a#E#b", "c", "h1"));

        ClaimResult lookalike = store.claim(event("a", "b#E#c", "h2"));

        assertThat(lookalike.outcome()).isEqualTo(ClaimOutcome.NEW);
        assertThat(store.find("a#E#b", "c").orElseThrow().bodyHash()).isEqualTo("h1");
    }

    @Test
    void startsAnAttemptUnderALeaseAndCountsIt() {
        EventRecord lease = leased("acme", "evt-1", "worker-a");

        assertThat(lease.status()).isEqualTo(EventStatus.IN_PROGRESS);
        assertThat(lease.leaseOwner()).isEqualTo("worker-a");
        assertThat(lease.attempts()).isEqualTo(1);
        assertThat(lease.version()).isEqualTo(2);
    }

    @Test
    void refusesAnAttemptWithAStaleVersion() {
        store.claim(event("acme", "evt-1", "h1"));
        store.startAttempt("acme", "evt-1", 1, "worker-a", START.plusSeconds(60)).orElseThrow();

        assertThat(store.startAttempt("acme", "evt-1", 1, "worker-b", START.plusSeconds(60))).isEmpty();
    }

    @Test
    void refusesASecondWorkerWhileTheLeaseIsLiveAndLetsItTakeOverOnceExpired() {
        EventRecord first = leased("acme", "evt-1", "worker-a");

        assertThat(store.startAttempt("acme", "evt-1", first.version(), "worker-b", START.plusSeconds(120)))
                .isEmpty();

        clock.advance(Duration.ofSeconds(61));
        EventRecord takenOver = store.startAttempt("acme", "evt-1", first.version(), "worker-b",
                clock.instant().plusSeconds(60)).orElseThrow();
        assertThat(takenOver.leaseOwner()).isEqualTo("worker-b");
        assertThat(takenOver.attempts()).isEqualTo(2);
    }

    @Test
    void refusesToFinishForAWorkerWhoseLeaseWasTakenOver() {
        EventRecord first = leased("acme", "evt-1", "worker-a");
        clock.advance(Duration.ofSeconds(61));
        store.startAttempt("acme", "evt-1", first.version(), "worker-b", clock.instant().plusSeconds(60))
                .orElseThrow();

        assertThat(store.complete("acme", "evt-1", first.version(), "worker-a", "{}")).isEmpty();
        assertThat(store.markWaiting("acme", "evt-1", first.version(), "worker-a", "budget", null)).isEmpty();
        assertThat(store.find("acme", "evt-1").orElseThrow().status()).isEqualTo(EventStatus.IN_PROGRESS);
    }

    @Test
    void letsTheLeaseHolderFinishAfterItsLeaseRanOutWhenNobodyTookOver() {
        EventRecord lease = leased("acme", "evt-1", "worker-a");
        clock.advance(Duration.ofMinutes(5));

        assertThat(store.complete("acme", "evt-1", lease.version(), "worker-a", "{}")).isPresent();
    }

    @Test
    void neverRestartsADoneEvent() {
        EventRecord lease = leased("acme", "evt-1", "worker-a");
        EventRecord done = store.complete("acme", "evt-1", lease.version(), "worker-a", "{}").orElseThrow();

        assertThat(done.leaseOwner()).isNull();
        assertThat(store.startAttempt("acme", "evt-1", done.version(), "worker-b", START.plusSeconds(60))).isEmpty();
    }

    @Test
    void bringsAWaitingEventsRetryForwardOnlyWhileItStillWaitsAtThatVersion() {
        EventRecord lease = leased("acme", "evt-1", "worker-a");
        EventRecord waiting = store.markWaiting("acme", "evt-1", lease.version(), "worker-a", "ledger gap",
                START.plusSeconds(6 * 3600)).orElseThrow();

        EventRecord due = store.retryWaitingAt("acme", "evt-1", waiting.version(), START).orElseThrow();

        assertThat(due.status()).isEqualTo(EventStatus.WAITING);
        assertThat(due.retryAt()).isEqualTo(START);
        assertThat(due.reason()).isEqualTo("ledger gap");
        assertThat(store.findDue(EventStatus.WAITING, START, 10)).extracting(EventRecord::eventId)
                .containsExactly("evt-1");
        assertThat(store.retryWaitingAt("acme", "evt-1", waiting.version(), START)).as("stale version").isEmpty();
        EventRecord running = store.startAttempt("acme", "evt-1", due.version(), "worker-b", START.plusSeconds(60))
                .orElseThrow();
        assertThat(store.retryWaitingAt("acme", "evt-1", running.version(), START)).as("no longer waiting").isEmpty();
    }

    @Test
    void restartsAWaitingEventAndAFailedOne() {
        EventRecord lease = leased("acme", "evt-1", "worker-a");
        EventRecord waiting = store.markWaiting("acme", "evt-1", lease.version(), "worker-a", "rate budget spent",
                START.plusSeconds(60)).orElseThrow();
        assertThat(waiting.status()).isEqualTo(EventStatus.WAITING);
        assertThat(waiting.reason()).isEqualTo("rate budget spent");
        assertThat(waiting.retryAt()).isEqualTo(START.plusSeconds(60));
        assertThat(waiting.leaseOwner()).isNull();

        EventRecord second = store.startAttempt("acme", "evt-1", waiting.version(), "worker-b",
                START.plusSeconds(120)).orElseThrow();
        EventRecord failed = store.markFailed("acme", "evt-1", second.version(), "worker-b", "Exact answered 503",
                true, null).orElseThrow();
        assertThat(failed.status()).isEqualTo(EventStatus.FAILED);
        assertThat(failed.retryable()).isTrue();

        EventRecord third = store.startAttempt("acme", "evt-1", failed.version(), "worker-c",
                START.plusSeconds(180)).orElseThrow();
        assertThat(third.attempts()).isEqualTo(3);
    }

    @Test
    void listsOpenEventsByStatusOldestFirstAcrossTenants() {
        for (int i = 0; i < 12; i++) {
            store.claim(event(i % 2 == 0 ? "acme" : "globex", "evt-" + i, "h"));
            clock.advance(Duration.ofSeconds(1));
        }

        List<EventRecord> oldest = store.findByStatus(EventStatus.ACCEPTED, 5);

        assertThat(oldest).extracting(EventRecord::eventId).containsExactly("evt-0", "evt-1", "evt-2", "evt-3",
                "evt-4");
        assertThat(store.findByStatus("globex", EventStatus.ACCEPTED, 3)).extracting(EventRecord::eventId)
                .containsExactly("evt-1", "evt-3", "evt-5");
    }

    @Test
    void findsDueWaitingEventsPastOlderOnesParkedForLater() {
        // All in one backlog shard, so the parked ones fill whole result pages ahead of the due ones.
        List<String> ids = IntStream.range(0, 500).mapToObj(i -> "evt-" + i)
                .filter(id -> Keys.shard("acme", id) == Keys.shard("acme", "evt-0")).limit(7).toList();
        for (int i = 0; i < 6; i++) {
            EventRecord lease = leased("acme", ids.get(i), "worker");
            Instant retryAt = i < 4 ? START.plus(Duration.ofHours(14)) : START.plusSeconds(30);
            store.markWaiting("acme", ids.get(i), lease.version(), "worker", "budget", retryAt).orElseThrow();
            clock.advance(Duration.ofSeconds(1));
        }
        EventRecord noRetryTime = leased("acme", ids.get(6), "worker");
        store.markWaiting("acme", ids.get(6), noRetryTime.version(), "worker", "relation not synced", null);
        clock.advance(Duration.ofMinutes(1));

        assertThat(store.findDue(EventStatus.WAITING, clock.instant(), 2)).extracting(EventRecord::eventId)
                .containsExactly(ids.get(4), ids.get(5));
        assertThat(store.findDue(EventStatus.WAITING, clock.instant(), 10)).extracting(EventRecord::eventId)
                .containsExactly(ids.get(4), ids.get(5), ids.get(6));
        assertThat(store.findDue(EventStatus.WAITING, START.plus(Duration.ofHours(15)), 10)).hasSize(7);
    }

    @Test
    void movesEventsBetweenStatusListsAndDropsFinishedOnesFromThem() {
        store.claim(event("acme", "evt-wait", "h"));
        EventRecord lease = leased("acme", "evt-done", "worker-a");
        EventRecord toWait = store.startAttempt("acme", "evt-wait", 1, "worker-b", START.plusSeconds(60))
                .orElseThrow();
        store.markWaiting("acme", "evt-wait", toWait.version(), "worker-b", "relation not synced", null);
        store.complete("acme", "evt-done", lease.version(), "worker-a", "{}");

        assertThat(store.findByStatus(EventStatus.WAITING, 10)).extracting(EventRecord::eventId)
                .containsExactly("evt-wait");
        assertThat(store.findByStatus(EventStatus.IN_PROGRESS, 10)).isEmpty();
        assertThat(store.findByStatus(EventStatus.ACCEPTED, 10)).isEmpty();
        assertThat(store.findByStatus("acme", EventStatus.WAITING, 10)).hasSize(1);
        assertThatThrownBy(() -> store.findByStatus(EventStatus.DONE, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
