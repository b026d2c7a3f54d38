package org.exactsync.sandbox.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A sales or purchase entry that passed Exact's checks, ready to be booked. */
record ValidatedEntry(EntryKind kind, JournalRef journal, RelationRef relation, LocalDate entryDate,
        LocalDate dueDate, PeriodRef period, int entryNumber, int type, String yourRef, String description,
        String paymentReference, String paymentCondition, String currency, List<ValidatedLine> lines) {

    BigDecimal amountExVat() {
        return lines.stream().map(ValidatedLine::amountFC).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal vatAmount() {
        return lines.stream().map(ValidatedLine::vatAmountFC).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The invoice total including VAT, negative for a credit note. */
    BigDecimal total() {
        return amountExVat().add(vatAmount());
    }
}
