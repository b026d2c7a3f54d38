package org.exactsync.exact.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exactsync.exact.odata.ExactFields;

/** A sales entry to create, header and lines in one POST. A null optional value is left out of the request. */
public final class SalesEntryFields {

    private final ExactFields fields;

    private SalesEntryFields(ExactFields fields) {
        this.fields = fields;
    }

    /** The header every entry needs: Exact books the entry in {@code year}/{@code period} of {@code journal}. */
    public static SalesEntryFields of(String journal, UUID customer, LocalDate entryDate, int year, int period,
            String yourRef, String currency) {
        return new SalesEntryFields(ExactFields.empty()
                .with("Journal", journal)
                .with("Customer", customer)
                .with("EntryDate", entryDate)
                .with("ReportingYear", year)
                .with("ReportingPeriod", period)
                .with("YourRef", yourRef)
                .with("Currency", currency));
    }

    /** The header's VAT total: Exact refuses an entry whose lines do not add up to it. */
    public SalesEntryFields vatAmount(BigDecimal vatAmount) {
        return new SalesEntryFields(fields.with("VATAmountFC", vatAmount));
    }

    /** 20 invoice, 21 credit note. */
    public SalesEntryFields type(int type) {
        return new SalesEntryFields(fields.with("Type", type));
    }

    public SalesEntryFields dueDate(LocalDate dueDate) {
        return dueDate == null ? this : new SalesEntryFields(fields.with("DueDate", dueDate));
    }

    public SalesEntryFields paymentCondition(String code) {
        return code == null ? this : new SalesEntryFields(fields.with("PaymentCondition", code));
    }

    public SalesEntryFields description(String description) {
        return description == null ? this : new SalesEntryFields(fields.with("Description", description));
    }

    public SalesEntryFields paymentReference(String reference) {
        return reference == null ? this : new SalesEntryFields(fields.with("PaymentReference", reference));
    }

    public SalesEntryFields lines(List<Line> lines) {
        return new SalesEntryFields(fields.withLines("SalesEntryLines", lines.stream().map(Line::toFields).toList()));
    }

    public ExactFields toFields() {
        return fields;
    }

    /** One line of the entry; {@code vatAmount} is the line's own rounded VAT (else Exact recomputes it). */
    public record Line(UUID glAccount, BigDecimal amount, String vatCode, BigDecimal vatAmount, String description,
            String costCenter) {

        ExactFields toFields() {
            ExactFields line = ExactFields.empty()
                    .with("GLAccount", glAccount)
                    .with("AmountFC", amount)
                    .with("VATCode", vatCode)
                    .with("VATAmountFC", vatAmount);
            if (description != null) {
                line = line.with("Description", description);
            }
            if (costCenter != null) {
                line = line.with("CostCenter", costCenter);
            }
            return line;
        }
    }
}
