package org.exactsync.sandbox.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exactsync.sandbox.ExactFault;
import org.junit.jupiter.api.Test;

class EntryChangesTest {

    private final FinanceFixture fx = new FinanceFixture();
    private final RecordingContext context = new RecordingContext();
    private final EntryEntitySet sales = EntryEntitySet.salesEntries(FinanceOptions.defaults());
    private final FinanceHooks hooks = new FinanceHooks(context, FinanceOptions.defaults());
    private final FinanceViews views = new FinanceViews(FinanceOptions.defaults());

    private UUID invoice() {
        return (UUID) sales.create(fx.division, fx.salesEntry("INV-1", "100.00"), context).get("EntryID");
    }

    @Test
    void refusesToMoveAnEntryToAnotherFinancialYearWithHttp500() {
        UUID id = invoice();
        assertThatThrownBy(() -> sales.update(fx.division, id, Map.of("EntryDate", "2025-06-01T00:00:00"), context))
                .isInstanceOfSatisfying(ExactFault.class, f -> {
                    assertThat(f.status()).isEqualTo(500);
                    assertThat(f.getMessage()).isEqualTo("The financial year cannot be changed.");
                });
        assertThat(hooks.entry(fx.division, id).orElseThrow().get("ReportingYear")).isEqualTo(2026);
    }

    @Test
    void movesEntryWithinTheYearAndCarriesItToTransactionLinesWithNewTimestamps() {
        UUID id = invoice();
        long highest = hooks.transactionLines(fx.division, id).stream().mapToLong(r -> (Long) r.get("Timestamp"))
                .max().orElseThrow();

        sales.update(fx.division, id, Map.of("EntryDate", "2026-10-05T00:00:00", "YourRef", "INV-1b"), context);

        assertThat(hooks.entry(fx.division, id).orElseThrow()).containsEntry("ReportingPeriod", 10)
                .containsEntry("YourRef", "INV-1b");
        assertThat(hooks.transactionLines(fx.division, id)).allSatisfy(line -> {
            assertThat(line).containsEntry("FinancialPeriod", 10).containsEntry("YourRef", "INV-1b")
                    .containsEntry("Date", FinanceFixture.day("2026-10-05"));
            assertThat((Long) line.get("Timestamp")).isGreaterThan(highest);
        });
        assertThat(hooks.paymentTerm(fx.division, id).orElseThrow()).containsEntry("YourRef", "INV-1b");
        assertThat(context.published).last().satisfies(e -> assertThat(e.action()).isEqualTo("Update"));
    }

    @Test
    void refusesToMoveAnEntryIntoAClosedPeriod() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        body.put("EntryDate", "2025-10-01T00:00:00");
        UUID id = (UUID) sales.create(fx.division, body, context).get("EntryID");
        assertThatThrownBy(() -> sales.update(fx.division, id, Map.of("EntryDate", "2025-11-03"), context))
                .hasMessage("Periode is afgesloten: 2025 – 11");
    }

    @Test
    void answers404ForUnknownEntry() {
        assertThatThrownBy(() -> sales.update(fx.division, UUID.randomUUID(), Map.of("YourRef", "x"), context))
                .isInstanceOfSatisfying(ExactFault.class, f -> assertThat(f.status()).isEqualTo(404));
    }

    @Test
    void deletingAnEntryRemovesItsBookingsAndLogsThemInSyncDeleted() {
        UUID id = invoice();
        List<Object> lineIds = hooks.transactionLines(fx.division, id).stream().map(r -> r.get("ID")).toList();
        Object termId = hooks.paymentTerm(fx.division, id).orElseThrow().get("ID");

        sales.delete(fx.division, id, context);

        assertThat(hooks.entry(fx.division, id)).isEmpty();
        assertThat(hooks.transactionLines(fx.division, id)).isEmpty();
        assertThat(hooks.paymentTerm(fx.division, id)).isEmpty();
        List<Map<String, Object>> deleted = views.syncDeleted().list(fx.division, context);
        assertThat(deleted).extracting(r -> r.get("EntityType"), r -> r.get("EntityKey"))
                .containsExactly(tuple(1, lineIds.get(0)), tuple(1, lineIds.get(1)), tuple(1, lineIds.get(2)),
                        tuple(10, termId));
        assertThat(deleted).allSatisfy(r -> assertThat(r).containsEntry("Division", FinanceFixture.DIVISION)
                .containsEntry("DeletedDate", context.clock.instant()));
        assertThat(context.published).last().satisfies(e -> assertThat(e.action()).isEqualTo("Delete"));
    }

    @Test
    void deletionLogForgetsEntriesAfterTwoMonths() {
        UUID id = invoice();
        hooks.deleteEntry(fx.division, id);
        context.clock.advance(java.time.Duration.ofDays(62));
        assertThat(views.syncDeleted().list(fx.division, context)).isEmpty();
    }
}
