package org.exactsync.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    private final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:00:00Z"));

    @Test
    void hitsOnlyTheNextNMatchingCalls() {
        FaultInjector faults = new FaultInjector(clock, 1).inject(FaultRule.status(502).on("POST", "crm/Accounts")
                .times(2));
        assertThat(faults.fire("GET", "crm/Accounts")).isEmpty();
        assertThat(faults.fire("POST", "crm/Accounts")).hasSize(1);
        assertThat(faults.fire("POST", "crm/Accounts")).hasSize(1);
        assertThat(faults.fire("POST", "crm/Accounts")).isEmpty();
    }

    @Test
    void drawsProbabilisticFaultsDeterministicallyFromTheSeed() {
        List<Boolean> first = draws(new FaultInjector(clock, 99));
        List<Boolean> second = draws(new FaultInjector(clock, 99));
        assertThat(first).isEqualTo(second);
        assertThat(first).contains(true, false);
    }

    private static List<Boolean> draws(FaultInjector faults) {
        faults.inject(FaultRule.status(503).withProbability(0.3));
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            out.add(!faults.fire("GET", "x").isEmpty());
        }
        return out;
    }

    @Test
    void opensMaintenanceOnlyInsideTheWindow() {
        FaultInjector faults = new FaultInjector(clock, 1).maintenance(Instant.parse("2026-11-26T10:05:00Z"),
                Instant.parse("2026-11-26T10:10:00Z"));
        assertThat(faults.inMaintenance()).isFalse();
        clock.advance(Duration.ofMinutes(5));
        assertThat(faults.inMaintenance()).isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(faults.inMaintenance()).isFalse();
    }

    @Test
    void resetDisarmsEverything() {
        FaultInjector faults = new FaultInjector(clock, 1).inject(FaultRule.tooManyRequests());
        faults.reset();
        assertThat(faults.fire("GET", "x")).isEmpty();
    }
}
