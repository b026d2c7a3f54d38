package org.exactsync.flow.invoice;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.exactsync.mapping.SalesEntryDraft;

/**
 * One element of the 200 answer's {@code results}: the booked entry with the totals booked, or, in dry run, the
 * entry that would be posted.
 *
 * @param division     Exact division
 * @param invoiceId    CRM invoice id
 * @param entryId      Exact EntryID (null in dry run)
 * @param entryNumber  Exact EntryNumber (null in dry run)
 * @param journal      sales journal code
 * @param glAccounts   GL account codes of the lines
 * @param totalExclVat booked total excluding VAT
 * @param totalVat     booked VAT
 * @param totalInclVat booked total including VAT
 * @param dryRun       true when nothing was posted
 * @param wouldPost    in dry run: exactly what would be posted; otherwise absent
 * @param waitsFor     in dry run: a dependency that is not synced yet (the live run would wait for it)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingResult(int division, String invoiceId, String entryId, String entryNumber, String journal,
        List<String> glAccounts, String totalExclVat, String totalVat, String totalInclVat, Boolean dryRun,
        SalesEntryDraft wouldPost, String waitsFor) {
}
