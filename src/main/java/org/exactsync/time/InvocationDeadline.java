package org.exactsync.time;

import java.util.function.Supplier;

import jakarta.inject.Singleton;

/**
 * The deadline of the invocation running on the current thread. The entry points (the Lambda handler in AWS, the local
 * gateway, tests) set it around one invocation; the Exact client and the schedules read it. One invocation runs on one
 * thread, so a thread-local value is the invocation's own; outside any invocation there is no deadline.
 */
@Singleton
public class InvocationDeadline {

    private final ThreadLocal<Deadline> current = new ThreadLocal<>();

    /** The deadline set for this thread's invocation, or {@link Deadline#none()}. */
    public Deadline current() {
        Deadline deadline = current.get();
        return deadline == null ? Deadline.none() : deadline;
    }

    /** Runs {@code work} with {@code deadline} as this thread's deadline (the earlier one when nested). */
    public <T> T within(Deadline deadline, Supplier<T> work) {
        Deadline outer = current.get();
        current.set(outer == null ? deadline : outer.min(deadline));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }
}
