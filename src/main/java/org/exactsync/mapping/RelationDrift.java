package org.exactsync.mapping;

import java.util.List;

/**
 * A relation whose Exact account no longer holds what the connector last sent. Only field names are reported,
 * never the values: they are names, addresses and e-mail addresses.
 *
 * @param relationId CRM relation id
 * @param accountId  Exact account GUID
 * @param kind       {@code changed} or {@code deleted}
 * @param fields     the CRM names of the drifted fields (empty for {@code deleted})
 */
public record RelationDrift(String relationId, String accountId, String kind, List<String> fields) {

    public static final String CHANGED = "changed";
    public static final String DELETED = "deleted";

    public RelationDrift {
        fields = List.copyOf(fields);
    }
}
