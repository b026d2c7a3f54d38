package org.exactsync.store;

import java.util.Map;

/**
 * The mutable part of a mapping, as written by {@link MappingStore#createIfAbsent} and
 * {@link MappingStore#compareAndSwap}. Nulls are stored as absent.
 */
public record MappingChange(String exactId, String exactCode, String sentHash, Map<String, String> sentValues) {

    public MappingChange {
        sentValues = sentValues == null ? Map.of() : Map.copyOf(sentValues);
    }
}
