package org.exactsync.flow.invoice;

import java.util.List;

import org.exactsync.exact.odata.ExactFields;
import org.exactsync.mapping.SalesEntryDraft;
import org.exactsync.mapping.SalesEntryLineDraft;

/** A {@link SalesEntryDraft} in Exact's field names (exact-online-api.md §5.4). */
final class SalesEntryRequest {

    static final String PATH = "salesentry/SalesEntries";

    private SalesEntryRequest() {
    }

    static ExactFields body(SalesEntryDraft draft) {
        ExactFields header = ExactFields.empty()
                .with("Journal", draft.journal())
                .with("Customer", draft.customer())
                .with("EntryDate", draft.entryDate())
                .with("ReportingYear", draft.reportingYear())
                .with("ReportingPeriod", draft.reportingPeriod())
                .with("YourRef", draft.yourRef())
                .with("Currency", draft.currency())
                // Header VAT = the CRM's total: Exact refuses an entry whose lines do not add up to it, which is
                // the last guard that Exact books exactly the CRM's totals.
                .with("VATAmountFC", draft.vatAmount());
        if (draft.type() == SalesEntryDraft.CREDIT_NOTE) {
            // Whether Exact honours Type on POST is unconfirmed (§5.4); negative amounts make a credit note either way.
            header = header.with("Type", draft.type());
        }
        if (draft.dueDate() != null) {
            header = header.with("DueDate", draft.dueDate());
        }
        if (draft.paymentCondition() != null) {
            header = header.with("PaymentCondition", draft.paymentCondition());
        }
        if (draft.description() != null) {
            header = header.with("Description", draft.description());
        }
        if (draft.paymentReference() != null) {
            header = header.with("PaymentReference", draft.paymentReference());
        }
        List<ExactFields> lines = draft.lines().stream().map(SalesEntryRequest::line).toList();
        return header.withLines("SalesEntryLines", lines);
    }

    private static ExactFields line(SalesEntryLineDraft line) {
        ExactFields fields = ExactFields.empty()
                .with("GLAccount", line.glAccount())
                .with("AmountFC", line.amount())
                .with("VATCode", line.vatCode())
                // The CRM's rounding per line; without it Exact recomputes VAT per line and ends a cent off (§8.3).
                .with("VATAmountFC", line.vatAmount());
        if (line.description() != null) {
            fields = fields.with("Description", line.description());
        }
        if (line.costCenter() != null) {
            fields = fields.with("CostCenter", line.costCenter());
        }
        return fields;
    }
}
