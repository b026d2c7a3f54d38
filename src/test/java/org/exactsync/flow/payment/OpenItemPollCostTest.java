package org.exactsync.flow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cost bound: 10,000 open items, 20 changes since the last poll → 2 Exact calls (sync/Deleted is hourly). */
class OpenItemPollCostTest {

    static final int OPEN_ITEMS = 10_000;
    static final int CHANGES = 20;

    private static PaymentFlowFixture fx;
    private static List<UUID> entries;

    @BeforeAll
    static void seed() {
        fx = new PaymentFlowFixture();
        entries = fx.finance.seedOpenItems(PaymentFlowFixture.DIVISION, OPEN_ITEMS, fx.customer,
                new BigDecimal("100.00"), "2", PaymentFlowFixture.ENTRY_DATE, "SEED-");
        // The CRM booked the first 100 of them (the rest were entered in Exact directly).
        for (int i = 0; i < 100; i++) {
            fx.map("inv-seed-" + i, entries.get(i).toString(), String.valueOf(i), new BigDecimal("121.00"), null);
        }
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void twentyPaymentsAmongTenThousandOpenItemsCostTwoCallsAndGiveTwentyCallbacks() {
        DivisionPollResult first = fx.poll.sweep(fx.target);
        assertThat(first.fullRead()).isTrue();
        assertThat(first.changes()).isEqualTo(OPEN_ITEMS);
        assertThat(first.callbacks()).isZero();
        for (int i = 0; i < CHANGES; i++) {
            // Half of them booked by the CRM, half not: only the CRM's are reported.
            UUID entry = entries.get(i % 2 == 0 ? i : 5_000 + i);
            fx.finance.registerPayment(PaymentFlowFixture.DIVISION, entry, new BigDecimal("21.00"),
                    LocalDate.of(2026, 11, 25));
        }
        int before = fx.calls();

        DivisionPollResult poll = fx.poll.sweep(fx.target);

        int calls = fx.calls() - before;
        assertThat(calls).isEqualTo(2);
        assertThat(poll.changes()).isEqualTo(CHANGES);
        assertThat(poll.callbacks()).isEqualTo(CHANGES / 2);
        assertThat(fx.callbacks.statusChanges()).allSatisfy(change -> {
            assertThat(change.status()).isEqualTo("partially-paid");
            assertThat(change.openAmount()).isEqualTo("100.00");
        });
    }
}
