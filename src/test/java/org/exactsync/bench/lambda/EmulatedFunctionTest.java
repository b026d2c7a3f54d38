package org.exactsync.bench.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.exactsync.time.InvocationDeadline;
import org.junit.jupiter.api.Test;

/** The emulation's Lambda rules, on a fast clock and handlers that only wait. */
class EmulatedFunctionTest {

    private final ShiftingClock clock = LambdaWorld.clock(200);
    private final InvocationDeadline deadlines = new InvocationDeadline();

    private EmulatedFunction<Duration, String> function(FunctionSpec spec, int limit, AtomicInteger instances) {
        return new EmulatedFunction<>(spec, limit, Duration.ofSeconds(3), clock, deadlines,
                () -> new InstanceGuard(clock, Duration.ZERO, new AtomicLong()), guard -> {
                    instances.incrementAndGet();
                    return work -> {
                        try {
                            clock.sleeper().sleep(work);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        guard.check();
                        return "left " + deadlines.current().remaining(clock).toSeconds();
                    };
                });
    }

    @Test
    void killsAnInvocationPastItsTimeoutAndStartsAFreshInstanceAfterIt() {
        // Not an HTTP route: API Gateway's 29 s would answer 504 before the kill (3 s init + 28 s).
        FunctionSpec spec = new FunctionSpec("F", "f", Duration.ofSeconds(28), null, Duration.ofMinutes(1), null);
        AtomicInteger instances = new AtomicInteger();
        try (EmulatedFunction<Duration, String> f = function(spec, 10, instances)) {
            InvocationResult<String> killed = f.invokeSync(Duration.ofSeconds(40));
            InvocationResult<String> next = f.invokeSync(Duration.ofSeconds(1));

            assertThat(killed.httpStatus(s -> 200)).isEqualTo(502);
            assertThat(f.killed.get()).isEqualTo(1);
            assertThat(next.outcome()).isEqualTo(InvocationResult.Outcome.ANSWERED);
            assertThat(next.cold()).isTrue();
            assertThat(instances.get()).isEqualTo(2);
        }
    }

    @Test
    void givesAnHttpInvocationTheEarlierOfItsTimeoutAndApiGatewaysLimit() {
        FunctionSpec spec = new FunctionSpec("F", "f", Duration.ofSeconds(60), "POST /f", null, null);
        try (EmulatedFunction<Duration, String> f = function(spec, 10, new AtomicInteger())) {
            InvocationResult<String> cold = f.invokeSync(Duration.ZERO);
            InvocationResult<String> warm = f.invokeSync(Duration.ZERO);

            // API Gateway's 29 s, not the 60 s Timeout, and from the request's arrival: the cold start's 3 s count.
            assertThat(Integer.parseInt(warm.value().substring(5))).isLessThanOrEqualTo(29);
            assertThat(Integer.parseInt(cold.value().substring(5))).isLessThanOrEqualTo(26);
            assertThat(warm.cold()).isFalse();
        }
    }

    @Test
    void throttlesASynchronousCallBeyondTheConcurrencyLimit() throws Exception {
        FunctionSpec spec = new FunctionSpec("F", "f", Duration.ofSeconds(28), "POST /f", null, 1);
        try (EmulatedFunction<Duration, String> f = function(spec, 1, new AtomicInteger())) {
            var busy = f.invokeAsync(Duration.ofSeconds(20), 0);
            while (f.busy() == 0) {
                Thread.sleep(1);
            }
            assertThat(f.invokeSync(Duration.ZERO).httpStatus(s -> 200)).isEqualTo(500);
            assertThat(busy.get().outcome()).isEqualTo(InvocationResult.Outcome.ANSWERED);
        }
    }

    @Test
    void queuesAsynchronousInvocationsBeyondTheLimitInsteadOfThrottlingThem() throws Exception {
        FunctionSpec spec = new FunctionSpec("F", "f", Duration.ofSeconds(60), null, Duration.ofMinutes(1), 2);
        try (EmulatedFunction<Duration, String> f = function(spec, 2, new AtomicInteger())) {
            var calls = java.util.stream.IntStream.range(0, 6)
                    .mapToObj(i -> f.invokeAsync(Duration.ofSeconds(5))).toList();
            f.awaitAsyncDone();

            assertThat(calls).allSatisfy(c -> assertThat(c.get().outcome())
                    .isEqualTo(InvocationResult.Outcome.ANSWERED));
            assertThat(f.peakConcurrency.get()).isEqualTo(2);
            assertThat(f.throttled.get()).isZero();
        }
    }

    @Test
    void retriesAKilledAsynchronousInvocationTwice() throws Exception {
        FunctionSpec spec = new FunctionSpec("F", "f", Duration.ofSeconds(10), null, Duration.ofMinutes(1), null);
        try (EmulatedFunction<Duration, String> f = function(spec, 10, new AtomicInteger())) {
            InvocationResult<String> last = f.invokeAsync(Duration.ofSeconds(20)).get();

            assertThat(last.outcome()).isEqualTo(InvocationResult.Outcome.KILLED);
            assertThat(f.invocations.get()).isEqualTo(3);
            assertThat(f.asyncRetries.get()).isEqualTo(2);
            assertThat(f.killed.get()).isEqualTo(3);
        }
    }

    @Test
    void readsTimeoutsRoutesAndSchedulesFromTheTemplate() {
        Map<String, FunctionSpec> functions = TemplateFunctions.read();

        assertThat(functions.get("invoice-posting").timeout()).isEqualTo(Duration.ofSeconds(28));
        assertThat(functions.get("invoice-posting").route()).isEqualTo("POST /crm/invoices");
        assertThat(functions.get("event-replay").timeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(functions.get("event-replay").schedule()).isEqualTo(Duration.ofMinutes(1));
        assertThat(functions.get("open-item-poll").schedule()).isEqualTo(Duration.ofMinutes(1));
        assertThat(functions.get("project-costs").schedule()).isEqualTo(Duration.ofMinutes(15));
    }
}
