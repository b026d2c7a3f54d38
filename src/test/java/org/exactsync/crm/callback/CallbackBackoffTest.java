package org.exactsync.crm.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CallbackBackoffTest {

    @Test
    void doublesPerFailureUpToTheCap() {
        CallbackBackoff backoff = new CallbackBackoff(Duration.ofSeconds(5), Duration.ofMinutes(1), () -> 1.0);

        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(500)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void spreadsRetriesOverTheUpperHalfOfTheDelay() {
        CallbackBackoff lowest = new CallbackBackoff(Duration.ofSeconds(8), Duration.ofHours(1), () -> 0.0);
        CallbackBackoff middle = new CallbackBackoff(Duration.ofSeconds(8), Duration.ofHours(1), () -> 0.5);

        assertThat(lowest.after(1)).isEqualTo(Duration.ofSeconds(4));
        assertThat(middle.after(1)).isEqualTo(Duration.ofSeconds(6));
    }
}
