package org.exactsync.bench.lambda;

import java.time.Duration;
import java.time.Instant;

/**
 * How one invocation ended, in the emulated time.
 *
 * @param outcome  what the caller saw
 * @param value    the function's answer when {@link Outcome#ANSWERED}, else null
 * @param arrival  when the invocation was requested (API Gateway received the request, or the schedule fired)
 * @param ended    when the caller had its answer
 * @param cold     whether it ran on a new instance (init time included)
 */
record InvocationResult<O>(Outcome outcome, O value, Instant arrival, Instant ended, boolean cold) {

    enum Outcome {
        /** The function returned. */
        ANSWERED,
        /** Lambda killed it at its Timeout: API Gateway answers 502. */
        KILLED,
        /** The function threw: API Gateway answers 502. */
        ERROR,
        /** No instance free under the concurrency limit: API Gateway answers 500. */
        THROTTLED,
        /** API Gateway gave up after 29 s and answered 504; the invocation may still run. */
        GATEWAY_TIMEOUT
    }

    Duration took() {
        return Duration.between(arrival, ended);
    }

    /** The HTTP status API Gateway's proxy integration gives the caller. */
    int httpStatus(java.util.function.ToIntFunction<O> answered) {
        return switch (outcome) {
            case ANSWERED -> answered.applyAsInt(value);
            case KILLED, ERROR -> 502;
            case THROTTLED -> 500;
            case GATEWAY_TIMEOUT -> 504;
        };
    }
}
