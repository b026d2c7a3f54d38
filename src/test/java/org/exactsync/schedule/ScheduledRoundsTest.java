package org.exactsync.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.exactsync.crm.ScheduleTick;
import org.exactsync.flow.payment.OpenItemPoll;
import org.exactsync.flow.payment.OpenItemPollFunction;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.SyncMode;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbRoundStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scheduled round fans out one work item per (tenant, division), never overlaps a round still running, and runs a
 * work item delivered twice only once.
 */
class ScheduledRoundsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");

    private final AdjustableClock clock = AdjustableClock.frozenAt(NOW);
    /** Like Lambda's asynchronous invoke: keeps the items, runs nothing now. */
    private final Handed handed = new Handed();
    private DynamoDbConnectionStore connections;
    private DynamoDbRoundStore store;
    private ScheduledRounds rounds;
    private OpenItemPollFunction poll;

    @BeforeEach
    void setUp() {
        TestDynamo dynamo = TestDynamo.shared();
        String table = dynamo.newTable("rounds");
        connections = new DynamoDbConnectionStore(dynamo.client(), table, clock);
        store = new DynamoDbRoundStore(dynamo.client(), table, clock);
        rounds = new ScheduledRounds(store, handed, clock);
        connect("acme", List.of(1, 2), ConnectionStatus.ACTIVE);
        connect("globex", List.of(7), ConnectionStatus.ACTIVE);
        connect("initech", List.of(3, 4), ConnectionStatus.ACTIVE);
        connect("gone", List.of(9), ConnectionStatus.NEEDS_CONSENT);
        // The planner only lists connections; the workers' Exact reads are not reached here.
        poll = new OpenItemPollFunction(new OpenItemPoll(connections, null, null, null, null, null, null, clock,
                new OpenItemPoll.Timing(Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofMinutes(1))), rounds);
    }

    @Test
    void aRoundHandsOutOneWorkItemPerLiveTenantAndDivision() {
        poll.poll(new ScheduleTick("tick-1", NOW.toString()));

        assertThat(handed.items).extracting(WorkItem::label)
                .containsExactlyInAnyOrder("acme/1", "acme/2", "globex/7", "initech/3", "initech/4");
        assertThat(handed.items).extracting(WorkItem::round).containsOnly(handed.items.get(0).round());
    }

    @Test
    void aRoundIsRefusedWhileThePreviousOneStillHasItemsPending() {
        poll.poll(new ScheduleTick("tick-1", NOW.toString()));
        List<WorkItem> first = List.copyOf(handed.items);
        clock.advance(Duration.ofMinutes(5));

        poll.poll(new ScheduleTick("tick-2", clock.instant().toString()));

        assertThat(handed.items).as("the overlapping round hands nothing out").hasSize(first.size());
        first.forEach(item -> rounds.work("open-item-poll", item, done -> "ok"));
        poll.poll(new ScheduleTick("tick-3", clock.instant().toString()));
        assertThat(handed.items).as("once the first round is over the next one runs").hasSize(2 * first.size());
    }

    @Test
    void aRoundWhoseWorkerWasLostHoldsTheScheduleOnlyUntilItsCap() {
        poll.poll(new ScheduleTick("tick-1", NOW.toString()));
        clock.advance(Duration.ofMinutes(30));

        poll.poll(new ScheduleTick("tick-7", clock.instant().toString()));

        assertThat(handed.items).hasSize(10);
    }

    @Test
    void aWorkItemDeliveredTwiceRunsOnce() {
        poll.poll(new ScheduleTick("tick-1", NOW.toString()));
        WorkItem item = handed.items.get(0);
        AtomicInteger runs = new AtomicInteger();

        Optional<Integer> once = rounds.work("open-item-poll", item, work -> runs.incrementAndGet());
        Optional<Integer> again = rounds.work("open-item-poll", item, work -> runs.incrementAndGet());

        assertThat(once).contains(1);
        assertThat(again).isEmpty();
        assertThat(runs).hasValue(1);
    }

    @Test
    void theInProcessDispatcherRunsEveryItemOnceWithinItsConcurrency() {
        ScheduledRounds local = new ScheduledRounds(store, new InProcessWorkDispatcher(3), clock);
        List<ScheduledRounds.Target> targets = new java.util.ArrayList<>();
        for (int tenant = 0; tenant < 1000; tenant++) {
            targets.add(new ScheduledRounds.Target("tenant-" + tenant, 1));
            targets.add(new ScheduledRounds.Target("tenant-" + tenant, 2));
        }
        AtomicInteger atOnce = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();

        Optional<List<String>> results = local.start("bench-round", Duration.ofMinutes(5), targets, item -> {
            most.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
            try {
                return item.label();
            } finally {
                atOnce.decrementAndGet();
            }
        });

        assertThat(results).isPresent();
        assertThat(results.get()).hasSize(2000).doesNotHaveDuplicates();
        assertThat(most.get()).isBetween(1, 3);
        assertThat(local.start("bench-round", Duration.ofMinutes(5), targets.subList(0, 1), WorkItem::label))
                .as("every item counted off: the next round may start").isPresent();
    }

    private void connect(String tenant, List<Integer> divisions, ConnectionStatus status) {
        connections.save(new ConnectionRecord(tenant, "https://start.exactonline.nl", "u-" + tenant, "c", divisions,
                List.of(divisions.get(0)), status, SyncMode.LIVE, null, null, 0));
    }

    /** A dispatcher that hands items out and runs nothing (as Lambda's asynchronous invoke, seen from the planner). */
    private static final class Handed implements WorkDispatcher {
        final List<WorkItem> items = new CopyOnWriteArrayList<>();

        @Override
        public <R> Dispatched<R> dispatch(List<WorkItem> batch, Function<WorkItem, R> localWorker) {
            items.addAll(batch);
            return new Dispatched<>(List.of(), List.of());
        }
    }
}
