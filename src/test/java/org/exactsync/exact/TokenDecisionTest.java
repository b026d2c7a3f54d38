package org.exactsync.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.exact.port.TokenRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenDecisionTest {

    private static final Instant EXPIRY = Instant.parse("2026-03-02T10:10:00Z");
    private static final ExactSettings.Tokens SETTINGS = ExactSettings.Tokens.defaults();

    private static TokenRecord record(ConnectionStatus status, String leaseOwner, Instant leaseUntil) {
        return new TokenRecord(new TokenKey("t", "s", "u"), "a", EXPIRY, "r", EXPIRY.minusSeconds(600), status, null,
                leaseOwner, leaseUntil, 3);
    }

    @ParameterizedTest(name = "{0} s before expiry, leased={1} -> {2}")
    @CsvSource({
        "600, false, USE",
        "26, false, USE",
        "25, false, REFRESH",
        "5, false, REFRESH",
        "0, false, REFRESH",
        "-3600, false, REFRESH",
        "20, true, USE",
        "6, true, USE",
        "5, true, WAIT",
        "-10, true, WAIT"
    })
    void refreshesOnlyInsideExactsWindowAndWaitsForAnotherRefresher(long secondsBeforeExpiry, boolean leased,
            TokenCustodian.Decision expected) {
        Instant now = EXPIRY.minusSeconds(secondsBeforeExpiry);
        TokenRecord record = leased ? record(ConnectionStatus.ACTIVE, "other", now.plusSeconds(30))
                : record(ConnectionStatus.ACTIVE, null, null);

        assertThat(TokenCustodian.decide(record, now, SETTINGS)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"600", "10", "-100"})
    void aChainThatNeedsConsentIsNeverUsed(long secondsBeforeExpiry) {
        TokenRecord record = record(ConnectionStatus.NEEDS_CONSENT, null, null);

        assertThat(TokenCustodian.decide(record, EXPIRY.minusSeconds(secondsBeforeExpiry), SETTINGS))
                .isEqualTo(TokenCustodian.Decision.CONSENT);
    }

    @ParameterizedTest
    @CsvSource({"10", "-10"})
    void anExpiredLeaseCanBeTakenOver(long secondsBeforeExpiry) {
        Instant now = EXPIRY.minusSeconds(secondsBeforeExpiry);
        TokenRecord record = record(ConnectionStatus.ACTIVE, "crashed", now.minusSeconds(1));

        assertThat(TokenCustodian.decide(record, now, SETTINGS)).isEqualTo(TokenCustodian.Decision.REFRESH);
    }
}
