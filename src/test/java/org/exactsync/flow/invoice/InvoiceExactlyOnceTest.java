package org.exactsync.flow.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.exactsync.flow.invoice.InvoiceFlowFixture.INVOICE;
import static org.exactsync.flow.invoice.InvoicePostingAgainstSandboxTest.booked;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.exactsync.crm.callback.Callbacks;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.exact.ExactOnline;
import org.exactsync.sandbox.faults.FaultRule;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingStore;
import org.exactsync.testsupport.Race;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One Exact entry per CRM invoice whatever happens between two steps of a booking: claim, POST, answer, callback,
 * booked mapping. A crash is an {@link Crash} error (nothing the flow does on a failure runs); the replay comes after
 * the claim's lease ended, as the event replayer's would.
 */
class InvoiceExactlyOnceTest {

    private final InvoiceFlowFixture flow = new InvoiceFlowFixture();

    @BeforeEach
    void relation() {
        flow.syncRelation("rel-1001", "NL123456789B01");
    }

    @AfterEach
    void stop() {
        flow.close();
    }

    @Test
    void aCrashAfterTheClaimBeforeThePostIsBookedOnceByTheReplay() {
        ExactOnline dying = Crash.before(ExactOnline.class, flow.client, "createSalesEntry", args -> true);

        assertThatThrownBy(() -> flow.process(flow.handler(dying, flow.mappings, flow.callbacks), INVOICE, "evt-1"))
                .isInstanceOf(Crash.class);
        // The claim is live: another delivery waits instead of posting.
        assertThat(flow.process(flow.handler(), INVOICE, "evt-2")).isInstanceOf(Outcome.Waiting.class);
        flow.clock.advance(org.exactsync.flow.write.OrderedWrites.LEASE.plusSeconds(1));

        booked(flow.process(flow.handler(), INVOICE, "evt-1"));

        assertThat(flow.entries("2026-0042")).hasSize(1);
        assertThat(flow.callbacks.ofType(InvoiceBooked.TYPE)).hasSize(1);
    }

    @Test
    void aPostWhoseAnswerIsLostIsFoundByItsReferenceNotPostedAgain() {
        flow.sandbox.inject(FaultRule.dropAfterCommit().on("POST", "salesentry/SalesEntries").times(1));

        Outcome lost = flow.process(flow.handler(), INVOICE, "evt-1");
        long postsBefore = posts();
        BookingResult replay = booked(flow.process(flow.handler(), INVOICE, "evt-1"));

        assertThat(lost).isInstanceOf(Outcome.Waiting.class);
        assertThat(posts()).isEqualTo(postsBefore);
        assertThat(flow.entries("2026-0042")).singleElement().satisfies(e ->
                assertThat(e.get("EntryID").toString()).isEqualTo(replay.entryId()));
        assertThat(flow.callbacks.ofType(InvoiceBooked.TYPE)).hasSize(1);
    }

    @Test
    void aCrashAfterThePostBeforeTheCallbackBooksOnceAndStillCallsBack() {
        Callbacks dying = Crash.before(Callbacks.class, flow.callbacks, "send", args -> true);

        assertThatThrownBy(() -> flow.process(flow.handler(flow.client, flow.mappings, dying), INVOICE, "evt-1"))
                .isInstanceOf(Crash.class);
        flow.clock.advance(org.exactsync.flow.write.OrderedWrites.LEASE.plusSeconds(1));
        BookingResult replay = booked(flow.process(flow.handler(), INVOICE, "evt-2"));

        assertThat(flow.entries("2026-0042")).singleElement().satisfies(e ->
                assertThat(e.get("EntryID").toString()).isEqualTo(replay.entryId()));
        assertThat(flow.callbacks.ofType(InvoiceBooked.TYPE)).hasSize(1);
    }

    @Test
    void aCrashAfterTheCallbackBeforeTheBookedMappingBooksOnce() {
        MappingStore dying = Crash.before(MappingStore.class, flow.mappings, "compareAndSwap",
                args -> ((MappingChange) args[2]).exactId() != null);

        assertThatThrownBy(() -> flow.process(flow.handler(flow.client, dying, flow.callbacks), INVOICE, "evt-1"))
                .isInstanceOf(Crash.class);
        flow.clock.advance(org.exactsync.flow.write.OrderedWrites.LEASE.plusSeconds(1));
        BookingResult replay = booked(flow.process(flow.handler(), INVOICE, "evt-1"));

        assertThat(flow.entries("2026-0042")).hasSize(1);
        // At least once: the replay cannot know the first callback went out, so the CRM may see it twice.
        assertThat(flow.callbacks.ofType(InvoiceBooked.TYPE)).hasSize(2).allSatisfy(c ->
                assertThat(((InvoiceBooked) c.data()).entryId()).isEqualTo(replay.entryId()));
    }

    @Test
    void aCrashAfterTheBookedMappingAnswersTheRedeliveryFromTheStore() {
        booked(flow.process(flow.handler(), INVOICE, "evt-1"));
        int before = flow.calls();

        booked(flow.process(flow.handler(), INVOICE, "evt-1"));

        assertThat(flow.calls()).isEqualTo(before);
        assertThat(flow.entries("2026-0042")).hasSize(1);
    }

    @Test
    void concurrentDeliveriesWithDifferentEventIdsBookOneEntry() throws Exception {
        InvoicePostingHandler handler = flow.handler();
        // Master data first, so every worker races on the claim and the POST, not on the cache.
        booked(flow.process(handler, flow.invoice("inv-warm", "2026-0001", "invoice", List.<String[]>of(
                new String[] {"8000", "10.00", "21", "standard", "2.10"}))));

        List<Outcome> outcomes = Race.run(8, () -> flow.process(handler, INVOICE));

        assertThat(outcomes).filteredOn(o -> o instanceof Outcome.Done).isNotEmpty();
        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOfAny(Outcome.Done.class,
                Outcome.Waiting.class));
        // The waiting ones finish on their replay without a second entry.
        booked(flow.process(handler, INVOICE));
        assertThat(flow.entries("2026-0042")).hasSize(1);
        assertThat(flow.callbacks.ofType(InvoiceBooked.TYPE)).filteredOn(c ->
                ((InvoiceBooked) c.data()).invoiceId().equals("inv-2026-0042")).hasSize(1);
    }

    @Test
    void aServiceUnavailablePostWaitsAndTheReplayBooksOnce() {
        flow.sandbox.inject(FaultRule.status(503).on("POST", "salesentry/SalesEntries"));

        Outcome waiting = flow.process(flow.handler(), INVOICE, "evt-1");
        flow.sandbox.resetFaults();
        flow.clock.advance(Duration.ofSeconds(1));
        booked(flow.process(flow.handler(), INVOICE, "evt-1"));

        assertThat(waiting).isInstanceOf(Outcome.Waiting.class);
        assertThat(flow.entries("2026-0042")).hasSize(1);
        assertThat(flow.mappings.find(new org.exactsync.store.MappingKey(InvoiceFlowFixture.TENANT,
                InvoiceFlowFixture.DIVISION, org.exactsync.store.EntityKind.INVOICE, "inv-2026-0042")).orElseThrow()
                .exactId()).isNotNull();
    }

    /** Entries Exact created (a look-up GET on the same endpoint is not one). */
    private long posts() {
        return flow.sandbox.changes().stream().filter(c -> c.topic().equals("SalesEntries")
                && c.action().equals("Create")).count();
    }
}
