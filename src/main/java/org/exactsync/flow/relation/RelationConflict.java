package org.exactsync.flow.relation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.exactsync.mapping.FieldConflict;

/**
 * {@code data} of the {@code relation.conflict} callback: Exact holds other data for this relation than the CRM.
 *
 * @param exactAccountId the account in conflict, or null when the match itself is ambiguous
 * @param fields         each field with the CRM's and Exact's value; for an ambiguous match one entry
 *                       {@code match} naming the rule and the candidate relation numbers
 * @param resolution     {@code kept-exact} (policy report) or {@code crm-wins} (Exact was overwritten)
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RelationConflict(String relationId, int division, String exactAccountId, List<FieldConflict> fields,
        String resolution) {
}
