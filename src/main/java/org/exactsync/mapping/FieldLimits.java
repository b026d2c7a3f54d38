package org.exactsync.mapping;

/**
 * Exact's maximum field lengths for what a relation sends. Exact does not publish them; the two known sources
 * disagree (exact-online-api.md §5.20), so the smaller value is the limit. The rule (docs/relation-flow.md): an event
 * with a longer value is rejected with a 400 naming the field, never shortened and never sent to Exact to fail there
 * (each Exact 400 also counts against its 10-errors-per-hour block, §3.5).
 */
public final class FieldLimits {

    /** CRM ids (relation, contact) become mapping keys; same bound as the envelope's {@code eventId}. */
    public static final int CRM_ID = 100;
    public static final int NAME = 50;
    public static final int ADDRESS_LINE = 60;
    public static final int POSTCODE = 20;
    public static final int CITY = 30;
    public static final int EMAIL = 100;
    public static final int PHONE = 17;
    public static final int VAT_NUMBER = 20;
    public static final int CHAMBER_OF_COMMERCE = 40;
    public static final int CONTACT_NAME = 50;
    public static final int MAX_PAYMENT_TERM_DAYS = 365;

    private FieldLimits() {
    }
}
