package org.exactsync.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.Test;

/** A token refresh never outlives its lease, so no second worker can spend the same refresh token. */
class TokenLeaseTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final TokenKey KEY = new TokenKey("tenant-7", "https://exact.test", "user-1");
    /** Far past the 60-second lease: the endpoint accepts the connection and never answers. */
    private static final Duration HANG = Duration.ofMinutes(3);

    private final AdjustableClock clock = AdjustableClock.frozenAt(T0);
    private final FakeTokenStore store = new FakeTokenStore();
    private final FakeTransport transport = new FakeTransport();
    private final ExactSettings settings = ExactSettings.defaults("https://exact.test", "client", "secret",
            "https://app.test/callback");

    private TokenCustodian worker() {
        return new TokenCustodian(store, new TokenEndpoint(transport, settings, new ObjectMapper()),
                settings.tokens(), clock, clock.sleeper());
    }

    /** One token call as the hanging endpoint saw it: when it started and when our timeout ended it. */
    private record Held(Instant from, Instant until, String refreshToken) {
    }

    @Test
    void aHungRefreshEndsInsideItsLeaseAndNoSecondWorkerSpendsTheSameRefreshToken() {
        store.saveConsented(KEY, "access-1", T0.plusSeconds(600), "refresh-1", T0);
        clock.advance(Duration.ofSeconds(576));
        Instant leaseTaken = clock.instant();
        TokenCustodian first = worker();
        TokenCustodian second = worker();
        List<Held> held = new ArrayList<>();
        List<String> secondSaw = new ArrayList<>();
        transport.otherwise(call -> {
            Instant from = clock.instant();
            if (held.isEmpty()) {
                // While the first worker is inside its call, the second one needs a token too.
                secondSaw.add(second.accessToken(KEY).value());
            }
            Duration waited = call.timeout().compareTo(HANG) < 0 ? call.timeout() : HANG;
            clock.advance(waited);
            held.add(new Held(from, clock.instant(), body(call, "refresh_token")));
            throw new TransportFailure("Exact did not answer in time", true, null);
        });

        assertThatThrownBy(() -> first.accessToken(KEY).value()).isInstanceOf(ExactTransientException.class);

        Instant leaseEnds = leaseTaken.plus(settings.tokens().leaseDuration());
        assertThat(held).isNotEmpty().allSatisfy(call -> {
            assertThat(call.refreshToken()).isEqualTo("refresh-1");
            // Every call, retries included, ended by half the lease: well before anyone else may take it over.
            assertThat(call.until()).isBeforeOrEqualTo(leaseTaken.plus(settings.tokens().leaseDuration()
                    .dividedBy(2)));
        });
        assertThat(held.get(held.size() - 1).until()).isBefore(leaseEnds);
        // The second worker used the still valid token and sent nothing while the first held the lease.
        assertThat(secondSaw).containsExactly("access-1");
        assertThat(held).hasSize(transport.tokenCalls().size());

        // Exact answers again: the next refresh spends refresh-1 once and the chain goes on.
        transport.otherwise(call -> FakeTransport.reply(200, FakeTransport.tokenJson("access-2", "refresh-2",
                "\"600\""), Map.of()));
        assertThat(second.accessToken(KEY).value()).isEqualTo("access-2");
        assertThat(store.find(KEY).orElseThrow().refreshToken()).isEqualTo("refresh-2");
        assertThat(transport.tokenCalls()).extracting(call -> body(call, "refresh_token"))
                .containsOnly("refresh-1");
    }

    @Test
    void refusesToStartWhenOneTokenCallCouldOutliveHalfTheLease() {
        ExactSettings.Tokens slow = new ExactSettings.Tokens(Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofMillis(250), Duration.ofDays(7), Duration.ofSeconds(60));

        assertThatThrownBy(() -> settings.withTokens(slow))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exact.token.call-timeout").hasMessageContaining("exact.token.lease");
    }

    private static String body(HttpCall call, String field) {
        for (String pair : call.body().split("&")) {
            if (pair.startsWith(field + "=")) {
                return pair.substring(field.length() + 1);
            }
        }
        return null;
    }
}
