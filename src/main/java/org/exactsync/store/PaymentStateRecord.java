package org.exactsync.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.exactsync.mapping.PaymentStatus;

/**
 * What the connector last saw in Exact about one document's payment term and what it last told the CRM. The observed
 * part lets a later change be judged without reading Exact again; the sent part makes a callback go out only when
 * something changed, whichever path (scheduled sweep, webhook) saw the change first.
 *
 * @param key             tenant, division, CRM invoice id
 * @param observedOpen    open amount (magnitude) last read from Exact, or null when never read
 * @param lastPaymentDate Exact's {@code LastPaymentDate} last read, or null
 * @param creditsApplied  per credit note (CRM id) what it settled on this invoice (magnitude)
 * @param lastSent        the status last sent to the CRM, or null when none was sent
 * @param updatedAt       last write (set by the store)
 * @param version         optimistic-lock version; 0 for a record never saved
 */
public record PaymentStateRecord(PaymentStateKey key, BigDecimal observedOpen, LocalDate lastPaymentDate,
        Map<String, BigDecimal> creditsApplied, PaymentStatus lastSent, Instant updatedAt, long version) {

    public PaymentStateRecord {
        creditsApplied = creditsApplied == null ? Map.of() : Map.copyOf(creditsApplied);
    }

    /** A record for a document never seen before. */
    public static PaymentStateRecord fresh(PaymentStateKey key) {
        return new PaymentStateRecord(key, null, null, Map.of(), null, null, 0);
    }
}
