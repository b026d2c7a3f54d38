package org.exactsync.flow.payment;

/**
 * What reading one division's payment-term changes did.
 *
 * @param changes   receivable rows read
 * @param callbacks callbacks sent
 * @param fullRead  whether the feed was read from the start
 */
public record DivisionPollResult(int changes, int callbacks, boolean fullRead) {
}
