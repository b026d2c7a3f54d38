package org.exactsync.bench;

import java.time.Duration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import org.exactsync.time.Sleeper;

/**
 * Time the calling thread spends outside the connector's own code: inside DynamoDB client calls (SDK marshalling and
 * the round trip), on the wire to Exact, and waiting for Exact's budget or a back-off. A handler's wall time minus
 * these is its own overhead. Per thread, so concurrent workers do not mix; {@link #reset} before each measured event.
 */
final class IoTime {

    private static final ThreadLocal<long[]> SPENT = ThreadLocal.withInitial(() -> new long[5]);
    private static final int DYNAMO_NANOS = 0;
    private static final int DYNAMO_CALLS = 1;
    private static final int EXACT_NANOS = 2;
    private static final int EXACT_CALLS = 3;
    private static final int WAIT_NANOS = 4;
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("bench-io-started");

    private IoTime() {
    }

    static void reset() {
        java.util.Arrays.fill(SPENT.get(), 0);
    }

    /** This thread's figures since the last {@link #reset}. */
    static Spent spent() {
        long[] s = SPENT.get();
        return new Spent(s[DYNAMO_NANOS], (int) s[DYNAMO_CALLS], s[EXACT_NANOS], (int) s[EXACT_CALLS],
                s[WAIT_NANOS]);
    }

    /** Adds one Exact round trip of {@code nanos} to this thread. */
    static void exactCall(long nanos) {
        long[] s = SPENT.get();
        s[EXACT_NANOS] += nanos;
        s[EXACT_CALLS]++;
    }

    /** A DynamoDB SDK interceptor that adds each call's time, from before marshalling to after unmarshalling. */
    static ExecutionInterceptor dynamoInterceptor() {
        return new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                attributes.putAttribute(STARTED, System.nanoTime());
            }

            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                done(attributes);
            }

            @Override
            public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
                done(attributes);
            }

            private void done(ExecutionAttributes attributes) {
                Long started = attributes.getAttribute(STARTED);
                if (started != null) {
                    long[] s = SPENT.get();
                    s[DYNAMO_NANOS] += System.nanoTime() - started;
                    s[DYNAMO_CALLS]++;
                }
            }
        };
    }

    /** {@code inner}, with the real time each wait takes added to this thread. */
    static Sleeper timed(Sleeper inner) {
        return duration -> {
            long started = System.nanoTime();
            try {
                inner.sleep(duration);
            } finally {
                SPENT.get()[WAIT_NANOS] += System.nanoTime() - started;
            }
        };
    }

    /** One thread's time outside the connector's code. */
    record Spent(long dynamoNanos, int dynamoCalls, long exactNanos, int exactCalls, long waitNanos) {

        long outsideNanos() {
            return dynamoNanos + exactNanos + waitNanos;
        }

        Duration dynamo() {
            return Duration.ofNanos(dynamoNanos);
        }
    }
}
