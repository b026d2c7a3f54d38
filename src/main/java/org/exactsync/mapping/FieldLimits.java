package org.exactsync.mapping;

/**
 * Exact's maximum field lengths for what a relation sends. Exact does not publish them; the two known sources
 * disagree (docs/exact-reference.md §5.20), so the smaller value is the limit. The rule (docs/relation-flow.md): an event
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

    /**
     * Contacts per relation. A first sync costs n + 3 Exact calls per division (look-up, account POST, n contact
     * POSTs, the MainContact PUT) against a budget of 60 calls per minute per division: 50 contacts make 53 calls,
     * which fit one minute's budget with room for the division's other events, so one relation never needs a second
     * budget minute, which a 28 s invocation cannot wait for. docs/relation-flow.md has the arithmetic.
     */
    public static final int MAX_CONTACTS = 50;

    private FieldLimits() {
    }
}
