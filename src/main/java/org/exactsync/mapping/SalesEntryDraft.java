package org.exactsync.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A {@code salesentry/SalesEntries} POST body in domain terms: what would be (or is) sent to Exact for one CRM
 * invoice. Also the dry-run answer.
 *
 * @param journal          sales journal code
 * @param customer         the relation's Exact account GUID
 * @param type             20 sales entry, 21 credit note
 * @param entryDate        invoice date
 * @param dueDate          due date, or null (Exact derives it from the payment condition)
 * @param reportingYear    financial year of the entry date
 * @param reportingPeriod  period of the entry date
 * @param paymentCondition the condition code sent (the invoice's term's, the relation's or the mapping's default;
 *                         see {@link SalesEntryMapper}); never null in a plan that is ready to post
 * @param yourRef          the CRM invoice number; the key the entry is found by after a lost answer
 * @param description      header text
 * @param currency         ISO code
 * @param paymentReference for a credit note, the credited invoice's number (helps matching), else null
 * @param vatAmount        header {@code VATAmountFC} = CRM totalVat (Exact refuses an entry whose lines differ)
 * @param lines            the lines
 */
public record SalesEntryDraft(String journal, UUID customer, int type, LocalDate entryDate, LocalDate dueDate,
        int reportingYear, int reportingPeriod, String paymentCondition, String yourRef, String description,
        String currency, String paymentReference, BigDecimal vatAmount, List<SalesEntryLineDraft> lines) {

    public static final int SALES_ENTRY = 20;
    public static final int CREDIT_NOTE = 21;

    public SalesEntryDraft {
        lines = List.copyOf(lines);
    }

    /** The distinct GL account codes of the lines, in line order. */
    public List<String> glAccountCodes() {
        return lines.stream().map(SalesEntryLineDraft::glAccountCode).distinct().toList();
    }
}
