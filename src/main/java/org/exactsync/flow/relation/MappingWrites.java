package org.exactsync.flow.relation;

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
 * The mapping writes around an Exact POST. Exact has no idempotency key (exact-online-api.md §8.4), so the mapping is
 * claimed (a record without Exact id) before the POST; a replay that finds a claim knows an earlier attempt may have
 * created the record without getting the answer. Every write is one conditional write; losing a race is a
 * {@link MappingRaceException} (the event waits and is replayed).
 */
final class MappingWrites {

    private final MappingStore mappings;

    MappingWrites(MappingStore mappings) {
        this.mappings = mappings;
    }

    /** Claims the key before a POST unless a claim is stored already; returns the claim's version. */
    long claim(MappingKey key, Optional<MappingRecord> stored) {
        if (stored.isPresent()) {
            return stored.get().version();
        }
        MappingStore.Creation creation = mappings.createIfAbsent(key, new MappingChange(null, null, null, Map.of()));
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
