package org.exactsync.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.exactsync.store.NewCallback;
import org.exactsync.store.QueuedCallback;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbCallbackOutboxTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    private final AdjustableClock clock = AdjustableClock.frozenAt(START);
    private DynamoDbCallbackOutbox outbox;

    @BeforeEach
    void freshTable() {
        TestDynamo dynamo = TestDynamo.shared();
        outbox = new DynamoDbCallbackOutbox(dynamo.client(), dynamo.newTable("outbox"), clock);
    }

    private QueuedCallback enqueue(String tenant, String entity, String id) {
        return outbox.enqueue(new NewCallback(tenant, entity, id, "relation.synced", "{\"eventId\":\"" + id + "\"}",
                clock.instant(), clock.instant().plus(Duration.ofDays(30))));
    }

    @Test
    void numbersTheCallbacksOfOneEntityInTheOrderTheyWereQueued() {
        QueuedCallback first = enqueue("acme", "relation:rel-1", "cb-1");
        QueuedCallback second = enqueue("acme", "relation:rel-1", "cb-2");

        assertThat(second.sequence()).isGreaterThan(first.sequence());
        assertThat(outbox.head("acme", "relation:rel-1")).map(QueuedCallback::callbackId).contains("cb-1");
    }

    @Test
    void movesTheHeadToTheNextCallbackOnceTheFirstIsDelivered() {
        QueuedCallback first = enqueue("acme", "relation:rel-1", "cb-1");
        enqueue("acme", "relation:rel-1", "cb-2");
        QueuedCallback leased = outbox.lease(first, "worker", START.plusSeconds(20)).orElseThrow();

        assertThat(outbox.delivered(leased, "worker")).isTrue();

        assertThat(outbox.head("acme", "relation:rel-1")).map(QueuedCallback::callbackId).contains("cb-2");
    }

    @Test
    void keepsQueuesApartPerTenantAndEntityEvenWithLookAlikeIds() {
        enqueue("acme", "relation:a#CB#b", "cb-1");
        enqueue("acme#CB#relation:a", "b", "cb-2");
        enqueue("other", "relation:rel-1", "cb-3");

        assertThat(outbox.head("acme", "relation:a#CB#b")).map(QueuedCallback::callbackId).contains("cb-1");
        assertThat(outbox.head("acme#CB#relation:a", "b")).map(QueuedCallback::callbackId).contains("cb-2");
        assertThat(outbox.head("acme", "relation:rel-1")).isEmpty();
    }

    @Test
    void refusesASecondLeaseWhileTheFirstLivesAndAllowsItAfterExpiry() {
        QueuedCallback queued = enqueue("acme", "relation:rel-1", "cb-1");
        QueuedCallback leased = outbox.lease(queued, "worker-a", START.plusSeconds(20)).orElseThrow();

        assertThat(outbox.lease(leased, "worker-b", START.plusSeconds(40))).isEmpty();
        clock.advance(Duration.ofSeconds(21));
        assertThat(outbox.lease(leased, "worker-b", clock.instant().plusSeconds(20))).isPresent();
        assertThat(outbox.delivered(leased, "worker-a")).as("the lost lease").isFalse();
    }

    @Test
    void refusesALeaseOnAStaleRead() {
        QueuedCallback queued = enqueue("acme", "relation:rel-1", "cb-1");
        QueuedCallback leased = outbox.lease(queued, "worker-a", START.plusSeconds(20)).orElseThrow();
        outbox.retryLater(leased, "worker-a", START, "HTTP 500").orElseThrow();

        assertThat(outbox.lease(queued, "worker-b", START.plusSeconds(20))).isEmpty();
    }

    @Test
    void countsFailedAttemptsAndIsDueOnlyAtTheNextAttempt() {
        QueuedCallback queued = enqueue("acme", "relation:rel-1", "cb-1");
        QueuedCallback leased = outbox.lease(queued, "worker", START.plusSeconds(20)).orElseThrow();

        QueuedCallback retried = outbox.retryLater(leased, "worker", START.plusSeconds(60), "HTTP 503").orElseThrow();

        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.lastError()).isEqualTo("HTTP 503");
        assertThat(retried.leaseOwner()).isNull();
        assertThat(outbox.due(START.plusSeconds(59), 10)).isEmpty();
        assertThat(outbox.due(START.plusSeconds(60), 10)).extracting(QueuedCallback::callbackId)
                .containsExactly("cb-1");
    }

    @Test
    void listsDueCallbacksOfEveryTenantEarliestFirstAndForgetsDeliveredOnes() {
        enqueue("acme", "relation:rel-1", "cb-1");
        clock.advance(Duration.ofSeconds(1));
        QueuedCallback second = enqueue("other", "relation:rel-9", "cb-2");
        clock.advance(Duration.ofSeconds(1));
        enqueue("acme", "project:prj-7", "cb-3");

        assertThat(outbox.due(clock.instant(), 10)).extracting(QueuedCallback::callbackId)
                .containsExactly("cb-1", "cb-2", "cb-3");
        QueuedCallback leased = outbox.lease(second, "worker", clock.instant().plusSeconds(20)).orElseThrow();
        outbox.delivered(leased, "worker");
        assertThat(outbox.due(clock.instant(), 10)).extracting(QueuedCallback::callbackId)
                .containsExactly("cb-1", "cb-3");
        assertThat(outbox.due(clock.instant(), 1)).hasSize(1);
    }

    @Test
    void makesALeasedCallbackDueAgainWhenItsLeaseRunsOut() {
        QueuedCallback queued = enqueue("acme", "relation:rel-1", "cb-1");
        outbox.lease(queued, "dying-worker", START.plusSeconds(20)).orElseThrow();

        assertThat(outbox.due(START.plusSeconds(10), 10)).isEmpty();
        assertThat(outbox.due(START.plusSeconds(20), 10)).hasSize(1);
    }
}
