package org.exactsync.flow.invoice;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.exactsync.exact.model.FinancialPeriod;
import org.exactsync.exact.model.GlAccount;
import org.exactsync.exact.model.Journal;
import org.exactsync.exact.model.PaymentCondition;
import org.exactsync.exact.model.VatCode;
import org.exactsync.mapping.ClosedPeriod;
import org.exactsync.mapping.FinanceMasterData;
import org.exactsync.mapping.InvoiceCreated;
import org.exactsync.mapping.InvoiceLine;
import org.exactsync.mapping.SalesEntryDraft;
import org.exactsync.mapping.SalesEntryLineDraft;

/**
 * Registers the records this flow binds, answers with and caches as JSON for Jackson in a native image (the mapping
 * module stays free of Quarkus).
 */
@RegisterForReflection(targets = {InvoiceCreated.class, InvoiceLine.class, SalesEntryDraft.class,
    SalesEntryLineDraft.class, FinanceMasterData.class, ClosedPeriod.class, Journal.class, GlAccount.class,
    VatCode.class, FinancialPeriod.class, PaymentCondition.class, BookingResult.class, InvoiceBooked.class})
final class RegisteredInvoiceTypes {

    private RegisteredInvoiceTypes() {
    }
}
