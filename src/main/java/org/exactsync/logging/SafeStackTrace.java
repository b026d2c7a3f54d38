package org.exactsync.logging;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A throwable as a log line can carry it: the class and the stack frames of the throwable and of each cause, never a
 * message. Messages are left out because they may quote the input (a CRM name, an e-mail address, Exact's echo of
 * a field) and the logs must hold no personal data; class names and line numbers are enough to find the failing code.
 */
public final class SafeStackTrace {

    /** Frames printed per throwable; a Lambda stack under Quarkus is deep and the top frames tell the story. */
    static final int MAX_FRAMES = 40;

    private SafeStackTrace() {
    }

    /**
     * {@code java.lang.IllegalStateException\n\tat a.B.c(B.java:12)\n…\ncaused by: java.io.IOException\n\tat …},
     * frames a cause shares with the throwable it caused are folded into {@code ... n more} like the JDK does.
     */
    public static String of(Throwable thrown) {
        if (thrown == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        StackTraceElement[] enclosing = new StackTraceElement[0];
        Throwable current = thrown;
        while (current != null && seen.add(current)) {
            if (current != thrown) {
                out.append("\ncaused by: ");
            }
            out.append(current.getClass().getName());
            StackTraceElement[] frames = current.getStackTrace();
            int own = frames.length - inCommon(frames, enclosing);
            int shown = Math.min(own, MAX_FRAMES);
            for (int i = 0; i < shown; i++) {
                out.append("\n\tat ").append(frames[i]);
            }
            if (frames.length > shown) {
                out.append("\n\t... ").append(frames.length - shown).append(" more");
            }
            enclosing = frames;
            current = current.getCause();
        }
        return out.toString();
    }

    /** How many frames at the bottom of {@code frames} equal the bottom of {@code enclosing}. */
    private static int inCommon(StackTraceElement[] frames, StackTraceElement[] enclosing) {
        int m = frames.length - 1;
        int n = enclosing.length - 1;
        int common = 0;
        while (m >= 0 && n >= 0 && frames[m].equals(enclosing[n])) {
            m--;
            n--;
            common++;
        }
        return common;
    }
}
