package org.exactsync.exact;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import org.exactsync.store.CallBudgetStore;
import org.exactsync.store.TokenStore;
import org.exactsync.time.Sleeper;

/**
 * For the benchmark harness: the production client over the JDK transport, reporting how long each round trip to
 * Exact took, so that a handler's own overhead can be told apart from Exact's latency.
 */
public final class TimedExactClients {

    private TimedExactClients() {
    }

    /** Like {@link ExactOnlineClient#create}, calling {@code roundTrip} with each answered or failed call's nanos. */
    public static ExactOnlineClient create(ExactSettings settings, TokenStore tokens, CallBudgetStore budget,
            Clock clock, Sleeper sleeper, LongConsumer roundTrip) {
        ExactTransport real = new JdkHttpTransport(settings.connectTimeout(), settings.readTimeout());
        ExactTransport timed = call -> {
            long started = System.nanoTime();
            try {
                return real.send(call);
            } finally {
                roundTrip.accept(System.nanoTime() - started);
            }
        };
        return ExactOnlineClient.create(settings, timed, tokens, budget, clock, sleeper,
                () -> ThreadLocalRandom.current().nextDouble());
    }
}
