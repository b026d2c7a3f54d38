package org.exactsync.sandbox.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DivisionHooksTest {

    private final FinanceFixture fx = new FinanceFixture();
    private final RecordingContext context = new RecordingContext();
    private final FinanceHooks hooks = new FinanceHooks(context, FinanceOptions.defaults());
    private final FinanceViews views = new FinanceViews(FinanceOptions.defaults());

    @Test
    void movingTheDivisionRegeneratesEveryTimestampAboveTheOldOnesAndSetsTheMoveDate() {
        hooks.bookSalesEntry(fx.division, fx.salesEntry("INV-1", "10.00"));
        UUID gone = (UUID) hooks.bookSalesEntry(fx.division, fx.salesEntry("INV-2", "10.00")).get("EntryID");
        hooks.deleteEntry(fx.division, gone);
        long oldMax = maxTimestamp();
        Instant moved = Instant.parse("2026-11-26T12:00:00Z");

        long base = hooks.moveDivision(fx.division, moved);

        assertThat(base).isGreaterThan(oldMax);
        assertThat(views.syncTransactionLines().list(fx.division, context))
                .allSatisfy(r -> assertThat((Long) r.get("Timestamp")).isGreaterThanOrEqualTo(base));
        assertThat(views.syncPaymentTerms().list(fx.division, context))
                .allSatisfy(r -> assertThat((Long) r.get("Timestamp")).isGreaterThanOrEqualTo(base));
        assertThat(views.syncDeleted().list(fx.division, context)).hasSize(4)
                .allSatisfy(r -> assertThat((Long) r.get("Timestamp")).isGreaterThanOrEqualTo(base));
        assertThat(MasterData.divisionRow(fx.division).orElseThrow()).containsEntry("DivisionMoveDate", moved);
    }

    @Test
    void seedsTenThousandOpenItemsWellUnderASecondOrTwo() {
        // CPU time of this thread, not wall time: the build machines are shared and often overloaded.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        List<UUID> ids = hooks.seedOpenItems(fx.division, 10_000, fx.customer, new BigDecimal("100.00"), "2",
                LocalDate.of(2026, 10, 1), "SEED-");
        long millis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
        assertThat(new HashSet<>(ids)).hasSize(10_000);
        assertThat(millis).as("seeding CPU time in ms").isLessThan(2_000);
        List<Map<String, Object>> open = views.receivablesList().list(fx.division, context);
        assertThat(open).hasSize(10_000);
        assertThat(open.get(9_999)).containsEntry("YourRef", "SEED-10000")
                .containsEntry("Amount", new BigDecimal("121.00"));
        assertThat(hooks.transactionLines(fx.division, ids.get(0))).hasSize(3);
        Set<Object> entryNumbers = new HashSet<>();
        views.syncPaymentTerms().list(fx.division, context).forEach(r -> entryNumbers.add(r.get("EntryNumber")));
        assertThat(entryNumbers).hasSize(10_000);
    }

    private long maxTimestamp() {
        return views.syncTransactionLines().list(fx.division, context).stream()
                .mapToLong(r -> (Long) r.get("Timestamp")).max().orElseThrow();
    }
}
