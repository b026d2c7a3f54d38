package org.exactsync.sandbox.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EntryLinesTest {

    private final FinanceFixture fx = new FinanceFixture();
    private final RecordingContext context = new RecordingContext();
    private final EntryEntitySet sales = EntryEntitySet.salesEntries(FinanceOptions.defaults());
    private final EntryLineSet lines = EntryLineSet.salesEntryLines(FinanceOptions.defaults());
    private final FinanceHooks hooks = new FinanceHooks(context, FinanceOptions.defaults());
    private final FinanceViews views = new FinanceViews(FinanceOptions.defaults());

    private UUID invoice() {
        return (UUID) sales.create(fx.division, fx.salesEntry("INV-1", "100.00"), context).get("EntryID");
    }

    private Map<String, Object> newLine(UUID entryId, String amount) {
        Map<String, Object> body = new HashMap<>(FinanceFixture.line(fx.revenue, amount, "2"));
        body.put("EntryID", entryId.toString());
        return body;
    }

    @Test
    void addingALineRebooksTheEntryAndKeepsThePaymentTermIdentity() {
        UUID id = invoice();
        Map<String, Object> termBefore = hooks.paymentTerm(fx.division, id).orElseThrow();
        List<Object> oldLineIds = hooks.transactionLines(fx.division, id).stream().map(r -> r.get("ID")).toList();

        Map<String, Object> added = lines.create(fx.division, newLine(id, "50.00"), context);

        assertThat(added).containsEntry("EntryID", id).containsEntry("LineNumber", 2)
                .containsEntry("AmountFC", new BigDecimal("50.00"));
        assertThat(hooks.entry(fx.division, id).orElseThrow()).containsEntry("AmountFC", new BigDecimal("181.50"));
        assertThat(hooks.transactionLines(fx.division, id))
                .extracting(r -> r.get("LineNumber"), r -> r.get("AmountDC"))
                .containsExactly(tuple(0, new BigDecimal("181.50")), tuple(1, new BigDecimal("-100.00")),
                        tuple(2, new BigDecimal("-50.00")), tuple(9999, new BigDecimal("-31.50")));
        Map<String, Object> term = hooks.paymentTerm(fx.division, id).orElseThrow();
        assertThat(term).containsEntry("ID", termBefore.get("ID")).containsEntry("HID", termBefore.get("HID"))
                .containsEntry("AmountDC", new BigDecimal("-181.50"));
        assertThat(views.syncDeleted().list(fx.division, context)).extracting(r -> r.get("EntityKey"))
                .containsExactlyElementsOf(oldLineIds);
    }

    @Test
    void changingALineKeepsWhatWasAlreadyPaidAndTheLineId() {
        UUID id = invoice();
        hooks.registerPayment(fx.division, id, new BigDecimal("21.00"), LocalDate.of(2026, 11, 25));
        UUID lineId = (UUID) lines.list(fx.division, context).get(0).get("ID");

        lines.update(fx.division, lineId, Map.of("AmountFC", "200.00"), context);

        assertThat(lines.list(fx.division, context)).singleElement()
                .satisfies(line -> assertThat(line).containsEntry("ID", lineId)
                        .containsEntry("AmountFC", new BigDecimal("200.00"))
                        .containsEntry("VATAmountFC", new BigDecimal("42.00")));
        assertThat(hooks.paymentTerm(fx.division, id).orElseThrow())
                .containsEntry("AmountDC", new BigDecimal("-221.00"))
                .containsEntry("TransactionAmountDC", new BigDecimal("242.00"))
                .containsEntry("IsFullyPaid", false);
    }

    @Test
    void deletingTheLastLineDeletesTheEntry() {
        UUID id = invoice();
        UUID lineId = (UUID) lines.list(fx.division, context).get(0).get("ID");

        lines.delete(fx.division, lineId, context);

        assertThat(hooks.entry(fx.division, id)).isEmpty();
        assertThat(hooks.paymentTerm(fx.division, id)).isEmpty();
    }

    @Test
    void lineChangesInAClosedPeriodAreRejectedAndLeaveTheEntryAlone() {
        Map<String, Object> body = fx.salesEntry("INV-OLD", "100.00");
        body.put("EntryDate", "2025-10-10T00:00:00");
        UUID id = (UUID) sales.create(fx.division, body, context).get("EntryID");
        Map<String, Object> closed = new LinkedHashMap<>();
        closed.put("ID", UUID.randomUUID());
        closed.put("Journal", "70");
        closed.put("Year", 2025);
        closed.put("Period", 10);
        closed.put("Status", 1);
        fx.division.table(MasterData.JOURNAL_STATUS, "ID").put(closed);

        assertThatThrownBy(() -> lines.create(fx.division, newLine(id, "5.00"), context))
                .hasMessage("Periode is afgesloten: 2025 – 10");
        assertThat(hooks.entry(fx.division, id).orElseThrow()).containsEntry("AmountFC", new BigDecimal("121.00"));
        assertThat(hooks.transactionLines(fx.division, id)).hasSize(3);
    }

    @Test
    void refusesALineWithoutEntryId() {
        assertThatThrownBy(() -> lines.create(fx.division, FinanceFixture.line(fx.revenue, "1.00", "2"), context))
                .hasMessage("Verplicht: EntryID");
    }
}
