package org.exactsync.flow.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exactsync.flow.invoice.InvoiceFlowFixture.DIVISION;
import static org.exactsync.flow.invoice.InvoicePostingAgainstSandboxTest.booked;

import java.time.Duration;
import java.util.List;

import org.exactsync.crm.inbound.Outcome;
import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.master.MasterDataSeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The master-data copy's refresh rule: evicted by an Exact rejection, re-checked before an old copy refuses. */
class InvoiceMasterDataRefreshTest {

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
    void aRejectionByExactEvictsTheCopySoTheNextInvoiceIsRefusedWithoutAPost() {
        InvoicePostingHandler handler = flow.handler();
        booked(flow.process(handler, invoice("inv-a", "A-1")));
        MasterDataSeed.closePeriod(flow.sandbox.division(DIVISION), "70", 2026, 11);

        Outcome rejected = flow.process(handler, invoice("inv-b", "A-2"));
        long posts = creates();
        Outcome refused = flow.process(handler, invoice("inv-c", "A-3"));

        assertThat(rejected).isInstanceOfSatisfying(Outcome.Failed.class, f ->
                assertThat(f.reason()).contains("Exact rejected").contains("afgesloten"));
        assertThat(refused).isInstanceOfSatisfying(Outcome.Failed.class, f ->
                assertThat(f.reason()).contains("period 2026/11 of journal 70 is closed"));
        assertThat(creates()).isEqualTo(posts);
    }

    @Test
    void aRefusalOnACopyOlderThanFifteenMinutesIsCheckedAgainstExactFirst() {
        MasterDataSeed.closePeriod(flow.sandbox.division(DIVISION), "70", 2026, 11);
        InvoicePostingHandler handler = flow.handler();
        assertThat(flow.process(handler, invoice("inv-a", "A-1"))).isInstanceOf(Outcome.Failed.class);
        reopen(flow.sandbox.division(DIVISION));

        Outcome stillRefused = flow.process(handler, invoice("inv-b", "A-2"));
        flow.clock.advance(FinanceMasterDataCache.RECHECK_AFTER.plus(Duration.ofMinutes(1)));
        Outcome booked = flow.process(handler, invoice("inv-c", "A-3"));

        assertThat(stillRefused).as("a fresh copy is trusted").isInstanceOf(Outcome.Failed.class);
        booked(booked);
    }

    private String invoice(String id, String number) {
        return flow.invoice(id, number, "invoice", List.<String[]>of(
                new String[] {"8000", "100.00", "21", "standard", "21.00"}));
    }

    private long creates() {
        return flow.sandbox.changes().stream().filter(c -> c.topic().equals("SalesEntries")
                && c.action().equals("Create")).count();
    }

    /** The bookkeeper opens the period again. */
    private static void reopen(DivisionData data) {
        synchronized (data.lock()) {
            data.table("read/financial/JournalStatusList", "ID").where(r -> Integer.valueOf(1).equals(r.get("Status")))
                    .forEach(r -> r.put("Status", 0));
        }
    }
}
