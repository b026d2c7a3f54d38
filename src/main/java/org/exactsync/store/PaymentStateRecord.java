package org.exactsync.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.exactsync.mapping.EntryFigures;
import org.exactsync.mapping.PaymentStatus;

/**
 * What the connector last saw in Exact about one document's payment term and what it last told the CRM. The observed
 * part lets a later change be judged without reading Exact again; the sent parts make a callback go out only when
 * something changed, whichever path (scheduled sweep, webhook) saw the change first.
 *
 * @param key             tenant, division, CRM invoice id
 * @param observedOpen    open amount (magnitude) last read from Exact, or null when never read
 * @param observedTotal   the term's total ({@code TransactionAmountDC}, magnitude) last read, or null when never read
 * @param lastPaymentDate Exact's {@code LastPaymentDate} last read, or null
 * @param creditsApplied  per credit note (CRM id) what it settled on this invoice (magnitude)
 * @param termId          the payment term's Exact {@code ID} (lower-case), or null when not known yet
 * @param lastSent        the payment status last sent to the CRM, or null when none was sent
 * @param sentTotal       the Exact total {@code lastSent} was computed with, or null (= the booked total)
 * @param reported        the entry's figures the CRM was last told ({@code invoice.changed-in-exact}), or null (= as
 *                        booked)
 * @param updatedAt       last write (set by the store)
 * @param version         optimistic-lock version; 0 for a record never saved
 */
public record PaymentStateRecord(PaymentStateKey key, BigDecimal observedOpen, BigDecimal observedTotal,
        LocalDate lastPaymentDate, Map<String, BigDecimal> creditsApplied, String termId, PaymentStatus lastSent,
        BigDecimal sentTotal, EntryFigures reported, Instant updatedAt, long version) {

    public PaymentStateRecord {
        creditsApplied = creditsApplied == null ? Map.of() : Map.copyOf(creditsApplied);
    }

    /** A record for a document never seen before. */
    public static PaymentStateRecord fresh(PaymentStateKey key) {
        return new PaymentStateRecord(key, null, null, null, Map.of(), null, null, null, null, null, 0);
    }

    /** This record as stored at {@code version}. */
    public PaymentStateRecord stored(Instant at, long newVersion) {
        return new PaymentStateRecord(key, observedOpen, observedTotal, lastPaymentDate, creditsApplied, termId,
                lastSent, sentTotal, reported, at, newVersion);
    }
}
