package org.exactsync.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.time.AdjustableClock;
import org.exactsync.time.Deadline;
import org.exactsync.time.InvocationDeadline;
import org.junit.jupiter.api.Test;

/** The client inside an invocation's deadline: nothing slept past it, nothing sent that cannot finish before it. */
class ExactClientDeadlineTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:05Z");
    private static final Instant NEXT_MINUTE = Instant.parse("2026-03-02T10:01:00Z");
    private static final String SITE = "https://exact.test";
    private static final TokenKey KEY = new TokenKey("tenant-7", SITE, "user-1");
    private static final ExactTarget TARGET = new ExactTarget(KEY, 4711);

    private final AdjustableClock clock = AdjustableClock.frozenAt(T0);
    private final FakeTokenStore tokens = new FakeTokenStore();
    private final FakeTransport transport = new FakeTransport();
    private final FakeCallBudgetStore budget = new FakeCallBudgetStore();
    private final InvocationDeadline invocation = new InvocationDeadline();
    private final ExactSettings defaults = ExactSettings.defaults(SITE, "client", "secret", "https://app.test/cb");

    ExactClientDeadlineTest() {
        tokens.saveConsented(KEY, "access-1", T0.plusSeconds(600), "refresh-1", T0);
    }

    private ExactOnlineClient client(ExactSettings settings) {
        return ExactOnlineClient.create(settings, transport, tokens, budget, clock, clock.sleeper(), () -> 0.0,
                invocation);
    }

    private <T> T withSecondsLeft(int seconds, Supplier<T> work) {
        return invocation.within(Deadline.after(clock, Duration.ofSeconds(seconds)), work);
    }

    private static HttpReply emptyPage() {
        return FakeTransport.reply(200, "{\"d\":{\"results\":[]}}", Map.of());
    }

    private static HttpReply tooManyRequests() {
        return FakeTransport.reply(429, "", Map.of("X-RateLimit-Minutely-Limit", "60",
                "X-RateLimit-Minutely-Remaining", "0", "X-RateLimit-Minutely-Reset",
                String.valueOf(NEXT_MINUTE.toEpochMilli())));
    }

    @Test
    void refusesABudgetWaitThatWouldPassTheDeadlineWithTheInstantTheCallCanGo() {
        ExactOnlineClient client = client(defaults.withBudget(new ExactSettings.Budget(1, 5000, 0,
                Duration.ofMillis(500), Duration.ZERO)));
        transport.otherwise(call -> emptyPage());
        withSecondsLeft(28, () -> client.journals(TARGET));

        assertThatThrownBy(() -> withSecondsLeft(28, () -> client.journals(TARGET)))
                .isInstanceOfSatisfying(ExactDeadlineException.class,
                        e -> assertThat(e.retryAt()).isEqualTo(NEXT_MINUTE));
        assertThat(transport.apiCalls()).hasSize(1);
        assertThat(clock.instant()).isEqualTo(T0);
    }

    @Test
    void waitsForTheBudgetWhenTheNextMinuteComesBeforeTheDeadline() {
        ExactOnlineClient client = client(defaults.withBudget(new ExactSettings.Budget(1, 5000, 0,
                Duration.ofMillis(500), Duration.ZERO)));
        transport.otherwise(call -> emptyPage());
        withSecondsLeft(120, () -> client.journals(TARGET));

        withSecondsLeft(120, () -> client.journals(TARGET));

        assertThat(transport.apiCalls()).hasSize(2);
        assertThat(clock.instant()).isAfterOrEqualTo(NEXT_MINUTE);
    }

    @Test
    void refusesToSleepUntilA429ResetPastTheDeadline() {
        ExactOnlineClient client = client(defaults);
        transport.then(call -> tooManyRequests()).otherwise(call -> emptyPage());

        assertThatThrownBy(() -> withSecondsLeft(28, () -> client.journals(TARGET)))
                .isInstanceOfSatisfying(ExactDeadlineException.class,
                        e -> assertThat(e.retryAt()).isAfterOrEqualTo(NEXT_MINUTE));
        assertThat(transport.apiCalls()).hasSize(1);
        assertThat(clock.instant()).isEqualTo(T0);
    }

    @Test
    void sendsNoPostWithLessThanTheWriteWindowLeft() {
        ExactOnlineClient client = client(defaults);
        transport.otherwise(call -> {
            throw new AssertionError("nothing may be sent: " + call);
        });

        // 6 s left, 2 s margin: 4 s for the call, less than the 5-second write window.
        assertThatThrownBy(() -> withSecondsLeft(6, () -> client.createAccount(TARGET,
                AccountFields.none().name("Acme"))))
                .isInstanceOfSatisfying(ExactDeadlineException.class,
                        e -> assertThat(e.retryAt()).isEqualTo(T0));
        assertThat(transport.calls).isEmpty();
    }

    @Test
    void cutsTheReadTimeoutToWhatIsLeftBeforeTheMargin() {
        ExactOnlineClient client = client(defaults);
        transport.otherwise(call -> emptyPage());

        withSecondsLeft(12, () -> client.journals(TARGET));

        assertThat(transport.apiCalls().get(0).timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void startsAReadWithLessThanTheWriteWindowLeft() {
        ExactOnlineClient client = client(defaults);
        transport.otherwise(call -> emptyPage());

        withSecondsLeft(4, () -> client.journals(TARGET));

        assertThat(transport.apiCalls().get(0).timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void keepsTheConfiguredTimeoutOutsideAnyInvocation() {
        ExactOnlineClient client = client(defaults);
        transport.otherwise(call -> emptyPage());

        client.journals(TARGET);

        assertThat(transport.apiCalls().get(0).timeout()).isEqualTo(defaults.readTimeout());
    }

    @Test
    void sleepsInlineWhateverTheDeadlineWithTheBenchmarksSwitch() {
        ExactOnlineClient client = client(defaults.withDeadlines(new ExactSettings.Deadlines(Duration.ofSeconds(2),
                Duration.ofSeconds(5), true)));
        transport.then(call -> tooManyRequests()).otherwise(call -> emptyPage());

        withSecondsLeft(28, () -> client.journals(TARGET));

        assertThat(transport.apiCalls()).hasSize(2);
        assertThat(clock.instant()).isAfter(NEXT_MINUTE);
    }
}
