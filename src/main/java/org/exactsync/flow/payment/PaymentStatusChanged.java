package org.exactsync.flow.payment;

import org.exactsync.mapping.Money;
import org.exactsync.mapping.PaymentStatus;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The {@code invoice.payment-status-changed} callback's data (crm-contract.md): amounts as decimal strings with two
 * decimals, the date as {@code YYYY-MM-DD} or null.
 */
@RegisterForReflection
public record PaymentStatusChanged(String invoiceId, int division, String status, String openAmount,
        String paidAmount, String lastPaymentDate) {

    /** The callback type. */
    public static final String TYPE = "invoice.payment-status-changed";

    static PaymentStatusChanged of(String invoiceId, int division, PaymentStatus status) {
        return new PaymentStatusChanged(invoiceId, division, status.status().wireName(),
                Money.text(status.openAmount()), Money.text(status.paidAmount()),
                status.lastPaymentDate() == null ? null : status.lastPaymentDate().toString());
    }
}
