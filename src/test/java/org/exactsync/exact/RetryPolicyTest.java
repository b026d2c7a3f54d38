package org.exactsync.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(
            new ExactSettings.Retry(4, Duration.ofMillis(500), Duration.ofSeconds(8)), () -> 1.0);

    @ParameterizedTest(name = "{0} answered {1} -> {2}")
    @CsvSource({
        "GET, 429, WAIT_FOR_RESET",
        "POST, 429, WAIT_FOR_RESET",
        "GET, 503, RETRY",
        "POST, 503, OUTCOME_UNKNOWN",
        "PUT, 503, RETRY",
        "GET, 502, RETRY",
        "PUT, 504, RETRY",
        "DELETE, 502, RETRY",
        "POST, 502, OUTCOME_UNKNOWN",
        "POST, 504, OUTCOME_UNKNOWN",
        "GET, 400, GIVE_UP",
        "POST, 400, GIVE_UP",
        "GET, 403, GIVE_UP",
        "GET, 404, GIVE_UP",
        "PUT, 405, GIVE_UP",
        "POST, 500, GIVE_UP",
        "GET, 500, GIVE_UP"
    })
    void retriesOnlyWhatCannotHaveChangedAnythingOrIsSafeToRepeat(String method, int status,
            RetryPolicy.Action expected) {
        assertThat(policy.onStatus(method, status, 1)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} without answer, reached={1} -> {2}")
    @CsvSource({
        "GET, true, RETRY",
        "PUT, true, RETRY",
        "DELETE, true, RETRY",
        "POST, true, OUTCOME_UNKNOWN",
        "POST, false, RETRY",
        "GET, false, RETRY"
    })
    void neverRepeatsAPostThatMayHaveReachedExact(String method, boolean reached, RetryPolicy.Action expected) {
        assertThat(policy.onConnectionFailure(method, reached, 1)).isEqualTo(expected);
    }

    @Test
    void neverRepeatsAPostAfterAnAnswerThatIsNotAClearRefusal() {
        // 503 included: nothing Exact publishes says it comes before processing, so a repeat could book twice.
        for (int status : new int[] {502, 503, 504}) {
            assertThat(policy.onStatus("POST", status, 1)).isEqualTo(RetryPolicy.Action.OUTCOME_UNKNOWN);
        }
        // Clear refusals: nothing was executed (429) or the data was refused (400); never an unknown outcome.
        assertThat(policy.onStatus("POST", 429, 1)).isEqualTo(RetryPolicy.Action.WAIT_FOR_RESET);
        assertThat(policy.onStatus("POST", 400, 1)).isEqualTo(RetryPolicy.Action.GIVE_UP);
    }

    @Test
    void stopsAfterTheLastAttempt() {
        assertThat(policy.onStatus("GET", 503, 4)).isEqualTo(RetryPolicy.Action.GIVE_UP);
        assertThat(policy.onStatus("GET", 429, 4)).isEqualTo(RetryPolicy.Action.GIVE_UP);
        assertThat(policy.onConnectionFailure("GET", true, 4)).isEqualTo(RetryPolicy.Action.GIVE_UP);
        assertThat(policy.onConnectionFailure("POST", true, 4)).isEqualTo(RetryPolicy.Action.OUTCOME_UNKNOWN);
    }

    @Test
    void backsOffExponentiallyUpToTheCap() {
        assertThat(policy.sleepTime(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.sleepTime(2)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.sleepTime(3)).isEqualTo(Duration.ofMillis(2000));
        assertThat(policy.sleepTime(10)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void jitterKeepsAtLeastHalfTheStep() {
        RetryPolicy noLuck = new RetryPolicy(ExactSettings.Retry.defaults(), () -> 0.0);

        assertThat(noLuck.sleepTime(2)).isEqualTo(Duration.ofMillis(500));
    }
}
