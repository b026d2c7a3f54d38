package org.exactsync.flow.payment.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One division's part of the receivables report; amounts as decimal strings, in the division's currency.
 *
 * @param division         Exact division
 * @param totalOpen        everything the customer still owes (open credit notes subtract)
 * @param overdue          the part past its due date
 * @param ageing           open amount by document age in days
 * @param openItems        number of open payment terms
 * @param averageDaysToPay mean days from invoice date to full payment over the last 365 days, or null
 */
@RegisterForReflection
public record DivisionReceivables(int division, String totalOpen, String overdue, Ageing ageing, int openItems,
        String averageDaysToPay) {

    /** Open amount per age bucket (days since the document date). */
    @RegisterForReflection
    public record Ageing(@com.fasterxml.jackson.annotation.JsonProperty("0-30") String days0to30,
            @com.fasterxml.jackson.annotation.JsonProperty("31-60") String days31to60,
            @com.fasterxml.jackson.annotation.JsonProperty("61-90") String days61to90,
            @com.fasterxml.jackson.annotation.JsonProperty("90+") String over90) {
    }
}
