package org.exactsync.flow.project;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One purchase line in the {@code project.costs-updated} callback.
 *
 * @param date         booking date, ISO
 * @param supplier     supplier name
 * @param supplierCode supplier's creditor number in Exact (an addition to the contract's key fields)
 * @param glAccount    GL account code
 * @param amount       decimal string, 2 decimals; negative for a purchase credit note
 * @param description  line description
 * @param entryNumber  Exact entry number (an addition)
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectCostEntry(String date, String supplier, String supplierCode, String glAccount, String amount,
        String description, Integer entryNumber) {
}
