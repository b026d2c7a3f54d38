package org.exactsync.exact;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import org.exactsync.exact.port.CallBudgetStore;
import org.exactsync.exact.port.TokenStore;
import org.exactsync.time.InvocationDeadline;
import org.exactsync.time.Sleeper;

/**
 * For the benchmark harness: the production client over the JDK transport, with a hook around each round trip to
 * Exact: timing it (so that a handler's own overhead can be told apart from Exact's latency), or, in the Lambda
 * emulation, adding Exact's latency and refusing calls from an instance Lambda has killed.
 */
public final class TimedExactClients {

    /** What happens around each call on the wire (REST and token endpoint alike). */
    public interface Hop {

        /** Before the request is sent; may wait or throw. */
        default void before() throws InterruptedException {
        }

        /** After the answer arrived or the call failed, with the round trip's real nanos. */
        default void after(long nanos) throws InterruptedException {
        }
    }

    private TimedExactClients() {
    }

    /** Like {@link ExactOnlineClient#create}, calling {@code roundTrip} with each answered or failed call's nanos. */
    public static ExactOnlineClient create(ExactSettings settings, TokenStore tokens, CallBudgetStore budget,
            Clock clock, Sleeper sleeper, LongConsumer roundTrip) {
        return create(settings, tokens, budget, clock, sleeper, new Hop() {
            @Override
            public void after(long nanos) {
                roundTrip.accept(nanos);
            }
        });
    }

    /** Like {@link ExactOnlineClient#create}, with {@code hop} around every call on the wire; no deadline. */
    public static ExactOnlineClient create(ExactSettings settings, TokenStore tokens, CallBudgetStore budget,
            Clock clock, Sleeper sleeper, Hop hop) {
        return create(settings, tokens, budget, clock, sleeper, hop, new InvocationDeadline());
    }

    /**
     * The production client as the application wires it (keeping inside the deadline the entry point set in
     * {@code deadlines}), with {@code hop} around every call on the wire.
     */
    public static ExactOnlineClient create(ExactSettings settings, TokenStore tokens, CallBudgetStore budget,
            Clock clock, Sleeper sleeper, Hop hop, InvocationDeadline deadlines) {
        ExactTransport real = new JdkHttpTransport(settings.connectTimeout(), settings.readTimeout());
        ExactTransport hooked = call -> {
            hop.before();
            long started = System.nanoTime();
            try {
                return real.send(call);
            } finally {
                hop.after(System.nanoTime() - started);
            }
        };
        return ExactOnlineClient.create(settings, hooked, tokens, budget, clock, sleeper,
                () -> ThreadLocalRandom.current().nextDouble(), deadlines);
    }
}
