package org.exactsync.flow.relation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code data} of the {@code relation.synced} callback. Exact has one relation number per account, so it is the
 * debtor number when the relation is a customer and the creditor number when it is a supplier (both for both).
 *
 * @param absentContacts CRM contact ids synced before but missing from this event: kept in Exact, reported here
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RelationSynced(String relationId, int division, String exactAccountId, String debtorNumber,
        String creditorNumber, List<String> absentContacts) {
}
