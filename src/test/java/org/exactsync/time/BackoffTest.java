package org.exactsync.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesPerFailureUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1), () -> 1.0);

        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(500)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void spreadsRetriesOverTheUpperHalfOfTheDelay() {
        Backoff lowest = new Backoff(Duration.ofSeconds(8), Duration.ofHours(1), () -> 0.0);
        Backoff middle = new Backoff(Duration.ofSeconds(8), Duration.ofHours(1), () -> 0.5);

        assertThat(lowest.after(1)).isEqualTo(Duration.ofSeconds(4));
        assertThat(middle.after(1)).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void ceilingDoublesPerFailureUpToTheCapWithoutJitter() {
        assertThat(Backoff.ceiling(Duration.ofMinutes(1), Duration.ofHours(1), 1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Backoff.ceiling(Duration.ofMinutes(1), Duration.ofHours(1), 3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(Backoff.ceiling(Duration.ofMinutes(1), Duration.ofHours(1), 7)).isEqualTo(Duration.ofHours(1));
        assertThat(Backoff.ceiling(Duration.ofDays(365), Duration.ofDays(400), 1000)).isEqualTo(Duration.ofDays(400));
    }
}
