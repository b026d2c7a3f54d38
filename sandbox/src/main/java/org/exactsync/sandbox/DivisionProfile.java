package org.exactsync.sandbox;

import java.time.Instant;
import java.util.UUID;

/**
 * The company-level facts of one division, as {@code system/Divisions} shows them (docs/exact-reference.md §2.9).
 *
 * @param code              the number used in URLs
 * @param hid               the division's own GUID
 * @param description       company name
 * @param currency          e.g. {@code EUR}
 * @param country           ISO country, e.g. {@code NL}
 * @param legislation       e.g. {@code NL}, {@code BE}
 * @param status            0 inactive, 1 active, 2 archived
 * @param blockingStatus    0 = not blocked
 * @param mainDivision      {@code IsMainDivision}
 * @param vatNumber         division VAT number
 * @param chamberOfCommerce KvK number
 * @param divisionMoveDate  set when the division moved database (sync cursors must restart), or null
 */
public record DivisionProfile(
        int code,
        UUID hid,
        String description,
        String currency,
        String country,
        String legislation,
        int status,
        int blockingStatus,
        boolean mainDivision,
        String vatNumber,
        String chamberOfCommerce,
        Instant divisionMoveDate) {

    public DivisionProfile withDivisionMoveDate(Instant moved) {
        return new DivisionProfile(code, hid, description, currency, country, legislation, status, blockingStatus,
                mainDivision, vatNumber, chamberOfCommerce, moved);
    }
}
