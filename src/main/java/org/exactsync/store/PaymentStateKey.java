package org.exactsync.store;

/**
 * Names one booked CRM invoice (or credit note) in one division, whose payment position the connector follows.
 *
 * @param tenant    the connected business
 * @param division  Exact division the document is booked in
 * @param invoiceId the CRM's invoice id (the INVOICE mapping's CRM id)
 */
public record PaymentStateKey(String tenant, int division, String invoiceId) {
}
