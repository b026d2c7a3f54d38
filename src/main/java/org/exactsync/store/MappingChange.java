package org.exactsync.store;

import java.util.List;
import java.util.Map;

/**
 * The mutable part of a mapping, as written by {@link MappingStore#createIfAbsent} and
 * {@link MappingStore#compareAndSwap}. Nulls are stored as absent; {@code write} and {@code memberIds} replace what
 * was stored (see {@link MappingRecord}).
 */
public record MappingChange(String exactId, String exactCode, String sentHash, Map<String, String> sentValues,
        WriteState write, List<String> memberIds) {

    public MappingChange {
        sentValues = sentValues == null ? Map.of() : Map.copyOf(sentValues);
        write = write == null ? WriteState.NONE : write;
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }

    /** A change without protocol state or members (contacts, fixtures). */
    public MappingChange(String exactId, String exactCode, String sentHash, Map<String, String> sentValues) {
        this(exactId, exactCode, sentHash, sentValues, WriteState.NONE, List.of());
    }
}
