package org.exactsync.flow.upload;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event id of an upload's line, {@code upload:<uploadId>:<part>:<line>}: derived from where the line stands, so
 * a re-sent part (or a retried invocation) claims the same ids and queues nothing twice, and the progress observer
 * finds the upload from the id alone.
 */
final class UploadEventIds {

    /** Upload ids: letters, digits, {@code .}, {@code _} and {@code -}, so the event id stays within 100 characters. */
    static final Pattern UPLOAD_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern EVENT_ID = Pattern.compile("upload:([A-Za-z0-9._-]{1,64}):(\\d+):(\\d+)");

    private UploadEventIds() {
    }

    static String of(String uploadId, int part, int line) {
        return "upload:" + uploadId + ":" + part + ":" + line;
    }

    /** The upload an event id belongs to, or empty for any other event. */
    static Optional<String> uploadOf(String eventId) {
        Matcher matcher = EVENT_ID.matcher(eventId);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
