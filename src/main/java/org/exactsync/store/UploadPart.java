package org.exactsync.store;

/**
 * One part of an upload as stored.
 *
 * @param part     part number, from 1
 * @param status   where the part is
 * @param hash     SHA-256 of the part's raw bytes
 * @param lines    relation lines in the part
 * @param accepted lines that each have an event (ACCEPTED parts)
 * @param invalid  invalid lines of the last refused try (REFUSED parts)
 */
public record UploadPart(int part, Status status, String hash, int lines, int accepted, int invalid) {

    /** Life of a part: RECEIVING (its events are being queued) → ACCEPTED; or REFUSED (nothing queued). */
    public enum Status {
        RECEIVING, ACCEPTED, REFUSED
    }
}
