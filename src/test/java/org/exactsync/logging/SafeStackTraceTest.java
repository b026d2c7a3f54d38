package org.exactsync.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

class SafeStackTraceTest {

    @Test
    void printsTheClassAndFramesOfEachCauseButNoMessage() {
        Throwable thrown = failWith("name Jan Jansen, jan@example.nl");

        String trace = SafeStackTrace.of(thrown);

        assertThat(trace).doesNotContain("Jan").doesNotContain("jan@example.nl").doesNotContain("IBAN NL91");
        assertThat(trace).startsWith(IllegalStateException.class.getName() + "\n\tat ");
        assertThat(trace).contains("\ncaused by: " + UncheckedIOException.class.getName() + "\n\tat ")
                .contains("\ncaused by: " + java.io.IOException.class.getName());
        assertThat(trace).contains("at " + SafeStackTraceTest.class.getName() + ".failWith(SafeStackTraceTest.java:");
        assertThat(trace).contains("at " + SafeStackTraceTest.class.getName() + ".readBody(SafeStackTraceTest.java:");
    }

    @Test
    void foldsTheFramesACauseSharesWithWhatItCaused() {
        Throwable thrown = failWith("x");

        String causePart = SafeStackTrace.of(thrown).split("\ncaused by: ")[1];

        assertThat(causePart).contains(" more");
        assertThat(causePart).doesNotContain(".printsTheClassAndFramesOfEachCauseButNoMessage(")
                .doesNotContain(".foldsTheFramesACauseSharesWithWhatItCaused(");
    }

    @Test
    void endsOnACauseCycle() {
        IllegalStateException first = new IllegalStateException("a");
        IllegalArgumentException second = new IllegalArgumentException("b", first);
        first.initCause(second);

        assertThat(SafeStackTrace.of(first).split("caused by: ")).hasSize(2);
    }

    private static Throwable failWith(String personal) {
        try {
            readBody(personal);
            throw new AssertionError("unreachable");
        } catch (UncheckedIOException wrapped) {
            return new IllegalStateException("could not store " + personal, wrapped);
        }
    }

    private static void readBody(String personal) {
        throw new UncheckedIOException("body of " + personal,
                new java.io.IOException("IBAN NL91ABNA0417164300 of " + personal));
    }
}
