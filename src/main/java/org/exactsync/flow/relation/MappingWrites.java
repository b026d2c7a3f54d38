package org.exactsync.flow.relation;

import java.time.Clock;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingRecord;
import org.exactsync.store.MappingStore;

/**
 * The mapping writes around an Exact POST. Exact has no idempotency key (docs/exact-reference.md §8.4), so the mapping is
 * claimed (a record without Exact id) before the POST; a replay that finds a claim knows an earlier attempt may have
 * created the record without getting the answer. Every write is one conditional write; losing a race is a
 * {@link MappingRaceException} (the event waits and is replayed).
 */
final class MappingWrites {

    /**
     * How long a claim belongs to the worker that made it: far longer than one attempt (a POST is never retried
     * blindly), as the invoice flow's lease. A younger claim may have its POST in flight right now.
     */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(5);
    /** Marks a claim given up after a handled failure: the next attempt may take it over at once. */
    static final String CLAIM_RELEASED = "claimReleased";

    private final MappingStore mappings;
    private final Clock clock;

    MappingWrites(MappingStore mappings, Clock clock) {
        this.mappings = mappings;
        this.clock = clock;
    }

    /**
     * Takes over a stored claim (a record without Exact id) before looking for what its attempt may have created.
     * A claim within its lease and not released belongs to a worker that may be POSTing right now: looking up and
     * posting as well would create a second record, so this loses as a race (the event waits). Otherwise one
     * conditional write makes the claim ours (a concurrent taker loses the same way); returns it.
     */
    MappingRecord takeOver(MappingKey key, MappingRecord claim) {
        boolean released = "true".equals(claim.sentValues().get(CLAIM_RELEASED));
        if (!released && claim.updatedAt() != null && claim.updatedAt().plus(CLAIM_LEASE).isAfter(clock.instant())) {
            throw new MappingRaceException(describe(key) + " is being created by another worker");
        }
        return swap(key, claim.version(), new MappingChange(null, null, null, postedBefore(claim)));
    }

    /**
     * What the claim's attempt was about to POST (empty if unknown): when its POST landed without an answer and the
     * account is found and adopted, these are the values the connector last sent, so the CRM's values differing from
     * them are no bookkeeper's change (found by the soak: a newer version after our own lost POST was reported as a
     * conflict and not written).
     */
    static Map<String, String> postedBefore(MappingRecord claim) {
        Map<String, String> values = new java.util.LinkedHashMap<>(claim.sentValues());
        values.remove(CLAIM_RELEASED);
        return values;
    }

    /**
     * Gives a claim up after a handled failure of its POST (best effort: a crash leaves the lease to run out), so the
     * replay need not wait for the lease; it still looks up before posting, as the POST may have been applied.
     */
    void release(MappingKey key, long claimedVersion, Map<String, String> posting) {
        try {
            Map<String, String> values = new java.util.LinkedHashMap<>(posting);
            values.put(CLAIM_RELEASED, "true");
            mappings.compareAndSwap(key, claimedVersion, new MappingChange(null, null, null, values));
        } catch (RuntimeException storeDown) {
            // The lease runs out instead.
        }
    }

    /**
     * Claims the key before a POST, recording what is posted (a claim taken over is re-written); returns the claim's
     * version.
     */
    long claim(MappingKey key, Optional<MappingRecord> stored, Map<String, String> posting) {
        MappingChange change = new MappingChange(null, null, null, posting);
        if (stored.isPresent()) {
            return swap(key, stored.get().version(), change).version();
        }
        MappingStore.Creation creation = mappings.createIfAbsent(key, change);
        if (!creation.created()) {
            throw new MappingRaceException(describe(key) + " is being created by another worker");
        }
        return creation.record().version();
    }

    MappingRecord swap(MappingKey key, long version, MappingChange change) {
        return mappings.compareAndSwap(key, version, change)
                .orElseThrow(() -> new MappingRaceException(describe(key) + " was changed concurrently"));
    }

    /** Stores the link unless {@code stored} already holds it; returns the version now stored. */
    long link(MappingKey key, Optional<MappingRecord> stored, MappingChange change) {
        if (stored.isPresent() && change.exactId().equals(stored.get().exactId())) {
            return stored.get().version();
        }
        if (stored.isPresent()) {
            return swap(key, stored.get().version(), change).version();
        }
        MappingStore.Creation creation = mappings.createIfAbsent(key, change);
        if (!creation.created() && !change.exactId().equals(creation.record().exactId())) {
            throw new MappingRaceException(describe(key) + " was mapped concurrently");
        }
        return creation.record().version();
    }

    /** Over the sorted values, so the same values always hash alike whatever the map order. */
    static String hash(Map<String, String> values) {
        String canonical = new TreeMap<>(values).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is always available", impossible);
        }
    }

    private static String describe(MappingKey key) {
        return key.kind() + " " + key.crmId() + " in division " + key.division();
    }
}
