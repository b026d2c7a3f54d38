package org.exactsync.flow.invoice;

import org.exactsync.exact.model.SalesEntryFields;
import org.exactsync.mapping.SalesEntryDraft;
import org.exactsync.mapping.SalesEntryLineDraft;

/** A {@link SalesEntryDraft} as the sales entry to create in Exact (docs/exact-reference.md §5.4). */
final class SalesEntryRequest {

    private SalesEntryRequest() {
    }

    static SalesEntryFields body(SalesEntryDraft draft) {
        SalesEntryFields header = SalesEntryFields.of(draft.journal(), draft.customer(), draft.entryDate(),
                        draft.reportingYear(), draft.reportingPeriod(), draft.yourRef(), draft.currency())
                // Header VAT = the CRM's total: Exact refuses an entry whose lines do not add up to it, which is
                // the last guard that Exact books exactly the CRM's totals.
                .vatAmount(draft.vatAmount());
        if (draft.type() == SalesEntryDraft.CREDIT_NOTE) {
            // Whether Exact honours Type on POST is unconfirmed (§5.4); negative amounts make a credit note either way.
            header = header.type(draft.type());
        }
        return header.dueDate(draft.dueDate())
                .paymentCondition(draft.paymentCondition())
                .description(draft.description())
                .paymentReference(draft.paymentReference())
                .lines(draft.lines().stream().map(SalesEntryRequest::line).toList());
    }

    // The CRM's rounding per line is sent as the line's VAT; without it Exact recomputes VAT per line and ends a cent
    // off (§8.3).
    private static SalesEntryFields.Line line(SalesEntryLineDraft line) {
        return new SalesEntryFields.Line(line.glAccount(), line.amount(), line.vatCode(), line.vatAmount(),
                line.description(), line.costCenter());
    }
}
