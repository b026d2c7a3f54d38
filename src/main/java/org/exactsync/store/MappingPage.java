package org.exactsync.store;

import java.util.List;

/**
 * One page of a division's mappings of one kind, in CRM id order.
 *
 * @param records the mappings of this page
 * @param next    the CRM id to pass as {@code after} for the next page, or null after the last one
 */
public record MappingPage(List<MappingRecord> records, String next) {

    public MappingPage {
        records = List.copyOf(records);
    }
}
