package org.exactsync.flow.write;

import java.util.Set;

import org.exactsync.store.MappingRecord;

/**
 * The flow's own Exact update, as {@link OrderedWrites#settle} needs it: put {@code fields} of the mapped Exact record
 * back to the values the mapping recorded ({@code mapping.sentValues()}).
 */
@FunctionalInterface
public interface FieldWriter {

    void putBack(MappingRecord mapping, Set<String> fields);
}
