package org.exactsync.bench.soak;

import java.util.List;

/**
 * One webhook call the CRM makes.
 *
 * @param eventId   the envelope's event id
 * @param route     {@code /crm/relations}, {@code /crm/projects} or {@code /crm/invoices}
 * @param type      the event type
 * @param objectKey {@code relation:<id>}, {@code project:<id>} or {@code invoice:<id>}
 * @param version   the object's version this delivery carries
 * @param body      the exact body bytes (a re-delivery of an event id sends the same bytes)
 * @param divisions target divisions
 * @param kind      why it is sent
 * @param needs     object keys that must exist first in a causal order (relation of a project, ...)
 */
record Delivery(String eventId, String route, String type, String objectKey, int version, String body,
        List<Integer> divisions, Kind kind, List<String> needs) {

    enum Kind {
        /** The first sending of an object version. */
        ORIGINAL,
        /** The same event id and body again (a CRM webhook retry). */
        REDELIVERY,
        /** The object's latest version again under a new event id. */
        RESEND,
        /** Data the contract refuses (totals that do not add up): must be a 400, never stored. */
        INVALID
    }
}
