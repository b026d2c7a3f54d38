package org.exactsync.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Port for bulk relation uploads: one head per (tenant, upload id) holding the plan and the settled-event counters,
 * and one record per part. Every change is one single-item conditional write; nothing here touches events (the
 * upload's events live in the {@link EventStore} like any other).
 */
public interface UploadStore {

    /** What {@link #begin} found. */
    enum Begun {
        /** The head was written now, or an earlier part wrote the same plan. */
        SAME_PLAN,
        /** An earlier part started the upload with another plan (parts, divisions or occurredAt differ). */
        OTHER_PLAN
    }

    /** What {@link #reservePart} found. */
    enum Reservation {
        /** The part is reserved for these bytes (new, refused before, or an unfinished earlier try of them). */
        RESERVED,
        /** The same bytes were accepted whole before: nothing left to do. */
        ALREADY_ACCEPTED,
        /** The part number was reserved or accepted for other bytes. */
        OTHER_CONTENT
    }

    /** Writes the upload's head unless it exists, and says whether an existing head has the same plan. */
    Begun begin(UploadPlan plan, Instant now, Instant expiresAt);

    /**
     * Reserves part {@code part} for content {@code hash}: allowed when the part is absent, was refused, or holds
     * the same hash (a re-send after a cut-short try).
     */
    Reservation reservePart(String tenant, String uploadId, int part, String hash, int lines, Instant now,
            Instant expiresAt);

    /** Notes a refused try of a part (its invalid lines), unless the part is reserved or accepted. */
    void partRefused(String tenant, String uploadId, int part, String hash, int lines, int invalid, Instant now,
            Instant expiresAt);

    /** Marks a reserved part accepted whole: its {@code accepted} lines each have an event. */
    void partAccepted(String tenant, String uploadId, int part, String hash, int accepted, Instant now);

    /**
     * Adds to the head's counters of settled events (negative to move one between them); nothing when the upload is
     * unknown.
     */
    void countSettled(String tenant, String uploadId, int synced, int previewed, int failed);

    /** The upload's head and parts (strongly consistent), or empty when unknown. */
    Optional<UploadProgress> find(String tenant, String uploadId);
}
