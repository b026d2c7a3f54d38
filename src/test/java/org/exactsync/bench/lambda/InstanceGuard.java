package org.exactsync.bench.lambda;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.exactsync.exact.TimedExactClients;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * What makes an in-process instance behave like a Lambda execution environment at its limits: once Lambda has
 * killed the invocation (its Timeout passed), the environment is frozen and discarded, so nothing it does afterwards
 * reaches DynamoDB or Exact. A call already on the wire when the kill came is not undone, as in AWS. Each instance has
 * its own guard on its own DynamoDB and Exact clients; the guard also adds Exact's round-trip latency, which the local
 * sandbox does not have, and counts the DynamoDB calls of every instance of the world.
 */
final class InstanceGuard {

    /** Thrown on a frozen instance's thread; an Error, so that no handler's catch of RuntimeException writes after it. */
    static final class Frozen extends Error {
        Frozen() {
            super("the instance was killed at its deadline", null, false, false);
        }
    }

    private final ShiftingClock clock;
    private final Duration exactLatency;
    private final AtomicLong dynamoCalls;
    private volatile boolean frozen;

    InstanceGuard(ShiftingClock clock, Duration exactLatency, AtomicLong dynamoCalls) {
        this.clock = clock;
        this.exactLatency = exactLatency;
        this.dynamoCalls = dynamoCalls;
    }

    void freeze() {
        frozen = true;
    }

    boolean frozen() {
        return frozen;
    }

    void check() {
        if (frozen) {
            throw new Frozen();
        }
    }

    /** Half the latency on the way out, half on the way back; refuses to start or to return on a frozen instance. */
    TimedExactClients.Hop exactHop() {
        Duration half = exactLatency.dividedBy(2);
        return new TimedExactClients.Hop() {
            @Override
            public void before() throws InterruptedException {
                check();
                clock.sleeper().sleep(half);
                check();
            }

            @Override
            public void after(long nanos) throws InterruptedException {
                clock.sleeper().sleep(half);
                check();
            }
        };
    }

    ExecutionInterceptor dynamoInterceptor() {
        return new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                check();
                dynamoCalls.incrementAndGet();
            }

            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                check();
            }
        };
    }
}
