package org.exactsync.sandbox.finance;

/**
 * Choices the sandbox makes where Exact's behaviour is UNCONFIRMED, so a client can be tested against each.
 *
 * @param englishMessages        validation texts in English ("Mandatory: Journal") instead of Dutch
 *                               ("Verplicht: Dagboek"); Exact answers in the user's language (§4.1)
 * @param receivableOwedNegative sign of the open amount in {@code cashflow/Receivables.AmountDC} and
 *                               {@code sync/Cashflow/PaymentTerms.AmountDC}: true (default) = negative while the
 *                               customer still owes, as observed in 2025 (§5.13); payables take the opposite sign
 */
public record FinanceOptions(boolean englishMessages, boolean receivableOwedNegative) {

    public static FinanceOptions defaults() {
        return new FinanceOptions(false, true);
    }

    public FinanceOptions withEnglishMessages(boolean english) {
        return new FinanceOptions(english, receivableOwedNegative);
    }

    public FinanceOptions withReceivableOwedNegative(boolean negative) {
        return new FinanceOptions(englishMessages, negative);
    }
}
