package org.exactsync.flow.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exactsync.flow.invoice.InvoicePostingAgainstSandboxTest.booked;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exactsync.flow.payment.DeletedTermFeed;
import org.exactsync.flow.payment.DivisionMoves;
import org.exactsync.flow.payment.OpenItemPoll;
import org.exactsync.flow.payment.PaymentStatusChanged;
import org.exactsync.flow.payment.PaymentStatusUpdater;
import org.exactsync.flow.payment.PaymentTermFeed;
import org.exactsync.sandbox.finance.SandboxFinance;
import org.exactsync.store.dynamodb.DynamoDbCursorStore;
import org.exactsync.store.dynamodb.DynamoDbDivisionWatchStore;
import org.exactsync.store.dynamodb.DynamoDbPaymentStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The two flows that share the INVOICE mapping, end to end against one sandbox: what the invoice flow books is what
 * the open-item poll reports on (the mapping convention of docs/invoice-flow.md and docs/payment-status.md).
 */
class InvoicePaymentStatusAgainstSandboxTest {

    private final InvoiceFlowFixture flow = new InvoiceFlowFixture();

    @AfterEach
    void stop() {
        flow.close();
    }

    @Test
    void aBookedInvoicePaidInTwoPartsIsReportedPartiallyPaidThenPaid() {
        flow.syncRelation("rel-1001", "NL123456789B01");
        String invoice = flow.invoice("inv-pay-1", "2026-0101", "invoice", List.<String[]>of(
                new String[] {"8000", "1000.00", "21", "standard", "210.00"}));
        BookingResult booking = booked(flow.process(flow.handler(), invoice));
        OpenItemPoll poll = new OpenItemPoll(flow.connections, new DynamoDbCursorStore(flow.dynamo.client(),
                flow.table, flow.clock), new DivisionMoves(flow.client), new PaymentTermFeed(flow.client),
                new DeletedTermFeed(flow.client), new PaymentStatusUpdater(flow.mappings,
                        new DynamoDbPaymentStateStore(flow.dynamo.client(), flow.table, flow.clock), flow.callbacks),
                new DynamoDbDivisionWatchStore(flow.dynamo.client(), flow.table), flow.clock,
                OpenItemPoll.Timing.defaults());
        poll.sweep(flow.target());
        SandboxFinance finance = SandboxFinance.of(flow.sandbox);

        finance.registerPayment(InvoiceFlowFixture.DIVISION, UUID.fromString(booking.entryId()),
                new BigDecimal("500.00"), LocalDate.of(2026, 11, 27));
        poll.sweep(flow.target());
        finance.registerPayment(InvoiceFlowFixture.DIVISION, UUID.fromString(booking.entryId()),
                new BigDecimal("710.00"), LocalDate.of(2026, 11, 28));
        poll.sweep(flow.target());
        poll.sweep(flow.target());

        assertThat(flow.callbacks.ofType(PaymentStatusChanged.TYPE)).extracting(c -> (PaymentStatusChanged) c.data())
                .containsExactly(
                        new PaymentStatusChanged("inv-pay-1", InvoiceFlowFixture.DIVISION, "partially-paid",
                                "710.00", "500.00", "2026-11-27"),
                        new PaymentStatusChanged("inv-pay-1", InvoiceFlowFixture.DIVISION, "paid", "0.00",
                                "1210.00", "2026-11-28"));
    }
}
