package org.exactsync.sandbox.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.Test;

class ErrorBlockerTest {

    private final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:00:00Z"));
    private final ErrorBlocker blocker = new ErrorBlocker(clock, 10);

    @Test
    void blocksTheEndpointForAnHourAfterTheEleventhErrorWithinAnHour() {
        for (int i = 0; i < 10; i++) {
            blocker.record("app", "u", 1, "crm/Accounts", 400);
        }
        assertThat(blocker.isBlocked("app", "u", 1, "crm/Accounts")).isFalse();
        blocker.record("app", "u", 1, "crm/Accounts", 404);
        assertThat(blocker.isBlocked("app", "u", 1, "crm/Accounts")).isTrue();
        assertThat(blocker.isBlocked("app", "u", 1, "crm/Contacts")).isFalse();
        assertThat(blocker.isBlocked("app", "u", 2, "crm/Accounts")).isFalse();
        clock.advance(Duration.ofHours(1));
        assertThat(blocker.isBlocked("app", "u", 1, "crm/Accounts")).isFalse();
    }

    @Test
    void forgetsErrorsOlderThanAnHour() {
        for (int i = 0; i < 10; i++) {
            blocker.record("app", "u", 1, "crm/Accounts", 401);
        }
        clock.advance(Duration.ofMinutes(61));
        blocker.record("app", "u", 1, "crm/Accounts", 403);
        assertThat(blocker.isBlocked("app", "u", 1, "crm/Accounts")).isFalse();
    }

    @Test
    void countsOnlyFourHundredFourHundredOneFourHundredThreeAndFourHundredFour() {
        for (int i = 0; i < 20; i++) {
            blocker.record("app", "u", 1, "crm/Accounts", i % 2 == 0 ? 500 : 429);
        }
        assertThat(blocker.isBlocked("app", "u", 1, "crm/Accounts")).isFalse();
    }
}
