package org.exactsync.flow.upload;

/**
 * Walks the lines of an NDJSON body one at a time without copying the body or keeping earlier lines: the part is
 * read twice this way (validation, then queuing), and at no time are its relations held as objects together.
 * Lines end with {@code \n} (a {@code \r} before it is dropped); blank lines are skipped but counted, so a line
 * number is the one an editor shows.
 */
final class UploadLines {

    private final byte[] body;
    private int position;
    private int number;
    private int start;
    private int end;

    UploadLines(byte[] body) {
        this.body = body;
    }

    /** Moves to the next non-blank line; false at the end of the body. */
    boolean next() {
        while (position < body.length) {
            number++;
            start = position;
            int newline = start;
            while (newline < body.length && body[newline] != '\n') {
                newline++;
            }
            position = newline + 1;
            end = newline > start && body[newline - 1] == '\r' ? newline - 1 : newline;
            if (!blank()) {
                return true;
            }
        }
        return false;
    }

    /** The current line's number, from 1. */
    int number() {
        return number;
    }

    /** The current line's length in bytes. */
    int length() {
        return end - start;
    }

    /** Where the current line starts in the body. */
    int start() {
        return start;
    }

    private boolean blank() {
        for (int i = start; i < end; i++) {
            if (body[i] != ' ' && body[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
