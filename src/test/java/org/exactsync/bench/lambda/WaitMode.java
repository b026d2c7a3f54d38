package org.exactsync.bench.lambda;

import org.exactsync.exact.ExactSettings;

/**
 * How the Exact client waits for the budget or after a 429: the production behaviour (a wait past the invocation's
 * deadline is not slept; the event answers 202 and the replayer finishes it), or the inline waits the connector had
 * before, kept for the benchmark only so that one run shows both side by side.
 */
enum WaitMode {

    DEADLINE_AWARE("deadline-aware waits"),
    INLINE("inline waits (before)");

    final String label;

    WaitMode(String label) {
        this.label = label;
    }

    /**
     * The client's settings for this mode: the one place the bench-only switch is set (in the application it is
     * {@code exact.budget.inline-waits}).
     */
    ExactSettings apply(ExactSettings settings) {
        ExactSettings.Deadlines rules = settings.deadlines();
        return settings.withDeadlines(new ExactSettings.Deadlines(rules.margin(), rules.minWriteWindow(),
                this == INLINE));
    }
}
