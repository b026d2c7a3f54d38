package org.exactsync.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.exact.port.TokenRecord;
import org.exactsync.time.AdjustableClock;
import org.exactsync.time.Sleeper;
import org.junit.jupiter.api.Test;

class TokenCustodianTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final TokenKey KEY = new TokenKey("tenant-7", "https://exact.test", "user-1");

    private final AdjustableClock clock = AdjustableClock.frozenAt(T0);
    private final FakeTokenStore store = new FakeTokenStore();
    private final FakeTransport transport = new FakeTransport();
    private final ExactSettings settings = ExactSettings.defaults("https://exact.test", "client", "secret",
            "https://app.test/callback");
    private final AtomicInteger issued = new AtomicInteger(1);
    private final List<Instant> refreshTimes = new ArrayList<>();

    TokenCustodianTest() {
        store.saveConsented(KEY, "access-1", T0.plusSeconds(600), "refresh-1", T0);
    }

    private TokenCustodian custodian(Sleeper sleeper) {
        return new TokenCustodian(store, new TokenEndpoint(transport, settings, new ObjectMapper()), settings.tokens(),
                clock, sleeper);
    }

    private void exactIssuesTokens() {
        transport.otherwise(call -> {
            synchronized (refreshTimes) {
                refreshTimes.add(clock.instant());
            }
            int n = issued.incrementAndGet();
            return FakeTransport.reply(200, FakeTransport.tokenJson("access-" + n, "refresh-" + n, "\"600\""),
                    Map.of());
        });
    }

    private TokenRecord stored() {
        return store.find(KEY).orElseThrow();
    }

    @Test
    void keepsUsingTheTokenUntilExactsRefreshWindowOpens() {
        exactIssuesTokens();
        clock.advance(Duration.ofSeconds(574));

        assertThat(custodian(clock.sleeper()).accessToken(KEY).value()).isEqualTo("access-1");
        assertThat(transport.tokenCalls()).isEmpty();
    }

    @Test
    void refreshesInsideTheLastThirtySecondsAndStoresBothTokens() {
        exactIssuesTokens();
        clock.advance(Duration.ofSeconds(576));

        BearerToken token = custodian(clock.sleeper()).accessToken(KEY);

        assertThat(token.value()).isEqualTo("access-2");
        assertThat(transport.tokenCalls()).hasSize(1);
        assertThat(transport.tokenCalls().get(0).body()).contains("grant_type=refresh_token")
                .contains("refresh_token=refresh-1");
        assertThat(stored().refreshToken()).isEqualTo("refresh-2");
        assertThat(stored().accessExpiresAt()).isEqualTo(T0.plusSeconds(576 + 600));
    }

    @Test
    void neverRefreshesEarlyAndNeverHandsOutAnExpiredTokenOverHoursOfUse() {
        exactIssuesTokens();
        TokenCustodian custodian = custodian(clock.sleeper());
        Instant issuedAt = T0;
        String current = "access-1";
        for (int second = 0; second < 3 * 3600; second += 7) {
            BearerToken token = custodian.accessToken(KEY);
            Instant now = clock.instant();
            if (!token.value().equals(current)) {
                // Exact's 570-second rule, measured from when the previous token was issued.
                assertThat(Duration.between(issuedAt, now)).isGreaterThanOrEqualTo(Duration.ofSeconds(570));
                issuedAt = now;
                current = token.value();
            }
            assertThat(now).isBefore(issuedAt.plusSeconds(600));
            clock.advance(Duration.ofSeconds(7));
        }
        assertThat(refreshTimes).hasSizeGreaterThan(15);
    }

    @Test
    void refreshesAnExpiredTokenOfAnIdleChain() {
        exactIssuesTokens();
        clock.advance(Duration.ofHours(5));

        assertThat(custodian(clock.sleeper()).accessToken(KEY).value()).isEqualTo("access-2");
    }

    @Test
    void refreshesWhenExactEndsTheTokenInsideTheWindowBeforeOurEstimate() {
        exactIssuesTokens();
        clock.advance(Duration.ofSeconds(570));
        TokenCustodian custodian = custodian(clock.sleeper());
        BearerToken refused = custodian.accessToken(KEY);
        clock.advance(Duration.ofSeconds(10));

        assertThat(custodian.afterUnauthorized(KEY, refused)).hasValueSatisfying(
                token -> assertThat(token.value()).isEqualTo("access-2"));
        assertThat(transport.tokenCalls()).hasSize(1);
    }

    @Test
    void aRefusalLongBeforeTheWindowIsNotAnsweredWithARefresh() {
        exactIssuesTokens();
        clock.advance(Duration.ofSeconds(100));
        TokenCustodian custodian = custodian(clock.sleeper());

        assertThat(custodian.afterUnauthorized(KEY, custodian.accessToken(KEY))).isEmpty();
        assertThat(transport.tokenCalls()).isEmpty();
    }

    @Test
    void eightConcurrentWorkersCauseExactlyOneRefresh() throws Exception {
        // Past the point where the old token may be sent: losers must wait for the winner's token.
        clock.advance(Duration.ofSeconds(598));
        transport.otherwise(call -> {
            Thread.sleep(50);
            int n = issued.incrementAndGet();
            return FakeTransport.reply(200, FakeTransport.tokenJson("access-" + n, "refresh-" + n, "\"600\""),
                    Map.of());
        });
        TokenCustodian custodian = custodian(Sleeper.system());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<String> worker = () -> {
                start.await();
                return custodian.accessToken(KEY).value();
            };
            results.add(pool.submit(worker));
        }
        start.countDown();
        for (Future<String> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("access-2");
        }
        pool.shutdownNow();
        assertThat(transport.tokenCalls()).hasSize(1);
    }

    @Test
    void aWorkerThatLosesTheRaceKeepsUsingTheStillValidOldToken() {
        exactIssuesTokens();
        clock.advance(Duration.ofSeconds(580));
        TokenRecord seen = stored();
        store.tryLease(KEY, seen.version(), "other-process", clock.instant().plusSeconds(60), clock.instant());

        assertThat(custodian(clock.sleeper()).accessToken(KEY).value()).isEqualTo("access-1");
        assertThat(transport.tokenCalls()).isEmpty();
    }

    @Test
    void keepsServingTheOldTokenWhileARefreshFailsInsideTheWindow() {
        transport.thenReply(503, "").thenReply(503, "").thenReply(503, "");
        exactIssuesTokens();
        clock.advance(Duration.ofSeconds(580));
        TokenCustodian custodian = custodian(clock.sleeper());

        assertThat(custodian.accessToken(KEY).value()).isEqualTo("access-1");
        assertThat(stored().leaseOwner()).isNull();
        assertThat(custodian.accessToken(KEY).value()).isEqualTo("access-2");
    }

    @Test
    void doesNotUseNewTokensThatCouldNotBeStored() {
        exactIssuesTokens();
        store.failSaveRefreshed = true;
        clock.advance(Duration.ofSeconds(590));
        TokenCustodian custodian = custodian(clock.sleeper());

        assertThat(custodian.accessToken(KEY).value()).isEqualTo("access-1");
        clock.advance(Duration.ofSeconds(7));

        assertThatThrownBy(() -> custodian.accessToken(KEY))
                .isInstanceOf(ExactTransientException.class);
        assertThat(transport.tokenCalls()).isNotEmpty();
        assertThat(stored().accessToken()).isEqualTo("access-1");
    }

    @Test
    void marksTheChainForConsentWhenExactSaysOldRefreshTokenUsed() {
        transport.thenReply(401, "{\"error\":\"unauthorized_client\",\"error_description\":\"Old refresh token used.\"}");
        clock.advance(Duration.ofSeconds(590));
        TokenCustodian custodian = custodian(clock.sleeper());

        assertThatThrownBy(() -> custodian.accessToken(KEY))
                .isInstanceOf(ExactConsentRequiredException.class)
                .hasMessageContaining("tenant-7")
                .hasMessageNotContaining("refresh-1")
                .hasMessageNotContaining("secret");
        assertThat(stored().status()).isEqualTo(ConnectionStatus.NEEDS_CONSENT);
        assertThatThrownBy(() -> custodian.accessToken(KEY)).isInstanceOf(ExactConsentRequiredException.class);
        assertThat(transport.tokenCalls()).hasSize(1);
    }

    @Test
    void marksTheChainForConsentWhenTheRefreshTokenExpired() {
        transport.thenReply(400, "{\"error\":\"invalid_request\",\"error_description\":"
                + "\"The refresh token expired at 10/11/2022 9:18:20 PM and it is now 10/28/2022 4:15:50 PM.\"}");
        clock.advance(Duration.ofDays(40));

        assertThatThrownBy(() -> custodian(clock.sleeper()).accessToken(KEY))
                .isInstanceOf(ExactConsentRequiredException.class);
        assertThat(stored().status()).isEqualTo(ConnectionStatus.NEEDS_CONSENT);
    }

    @Test
    void releasesTheLeaseAfterTransientFailuresAndRefreshesLater() {
        transport.thenReply(503, "").thenReply(503, "").thenReply(503, "");
        exactIssuesTokens();
        clock.advance(Duration.ofSeconds(598));
        TokenCustodian custodian = custodian(clock.sleeper());

        assertThatThrownBy(() -> custodian.accessToken(KEY)).isInstanceOf(ExactTransientException.class);
        assertThat(stored().leaseOwner()).isNull();
        assertThat(stored().status()).isEqualTo(ConnectionStatus.ACTIVE);

        assertThat(custodian.accessToken(KEY).value()).isEqualTo("access-2");
        assertThat(transport.tokenCalls()).hasSize(4)
                .allSatisfy(call -> assertThat(call.body()).contains("refresh_token=refresh-1"));
    }

    @Test
    void retriesARefreshWithUnknownOutcomeOnlyUnderItsOwnLease() {
        transport.then(call -> {
            throw new TransportFailure("read timed out", true, null);
        });
        exactIssuesTokens();
        clock.advance(Duration.ofSeconds(598));

        assertThat(custodian(clock.sleeper()).accessToken(KEY).value()).isEqualTo("access-2");
        assertThat(transport.tokenCalls()).hasSize(2);
    }

    @Test
    void wrongAppCredentialsLeaveTheUsersChainIntact() {
        transport.thenReply(400, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");
        clock.advance(Duration.ofSeconds(590));

        assertThatThrownBy(() -> custodian(clock.sleeper()).accessToken(KEY))
                .isInstanceOf(ExactAuthException.class)
                .isNotInstanceOf(ExactConsentRequiredException.class);
        assertThat(stored().status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(stored().leaseOwner()).isNull();
    }

    @Test
    void treatsTooEarlyAsAnIntactChain() {
        transport.thenReply(401, "{\"error\":\"invalid_request\",\"error_description\":\"Access Token not expired\"}");
        clock.advance(Duration.ofSeconds(597));

        assertThatThrownBy(() -> custodian(clock.sleeper()).accessToken(KEY))
                .isInstanceOf(ExactTransientException.class);
        assertThat(stored().status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(stored().leaseOwner()).isNull();
    }

    @Test
    void acceptsExpiresInAsANumber() {
        transport.thenReply(200, FakeTransport.tokenJson("access-n", "refresh-n", "600"));
        clock.advance(Duration.ofSeconds(590));

        custodian(clock.sleeper()).accessToken(KEY);

        assertThat(stored().accessExpiresAt()).isEqualTo(T0.plusSeconds(590 + 600));
    }

    @Test
    void keepAliveRefreshesOnlyChainsIdleLongerThanSevenDays() {
        exactIssuesTokens();
        TokenCustodian custodian = custodian(clock.sleeper());

        clock.advance(Duration.ofDays(6));
        assertThat(custodian.keepAlive(KEY)).isFalse();
        assertThat(transport.tokenCalls()).isEmpty();

        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(custodian.keepAlive(KEY)).isTrue();
        assertThat(stored().refreshToken()).isEqualTo("refresh-2");
        assertThat(custodian.keepAlive(KEY)).isFalse();
    }

    @Test
    void keepAliveLeavesChainsThatNeedConsentAlone() {
        exactIssuesTokens();
        store.markNeedsConsent(KEY, stored().version(), "test");
        clock.advance(Duration.ofDays(8));

        assertThat(custodian(clock.sleeper()).keepAlive(KEY)).isFalse();
        assertThat(transport.tokenCalls()).isEmpty();
    }

    @Test
    void exchangesAnAuthorizationCodeForTheFirstPair() {
        TokenKey fresh = new TokenKey("tenant-9", "https://exact.test", "user-2");
        transport.thenReply(200, FakeTransport.tokenJson("first-access", "first-refresh", "\"600\""));

        TokenRecord record = custodian(clock.sleeper()).exchangeCode(fresh, "code-abc");

        assertThat(transport.tokenCalls().get(0).body()).contains("grant_type=authorization_code")
                .contains("code=code-abc").contains("redirect_uri=https%3A%2F%2Fapp.test%2Fcallback");
        assertThat(record.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(record.accessExpiresAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(store.find(fresh)).isPresent();
    }

    @Test
    void aRefusedAuthorizationCodeAsksForConsentAgain() {
        transport.thenReply(400, "Bad Request");

        assertThatThrownBy(() -> custodian(clock.sleeper()).exchangeCode(KEY, "used-code"))
                .isInstanceOf(ExactConsentRequiredException.class);
    }
}
