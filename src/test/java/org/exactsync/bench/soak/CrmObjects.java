package org.exactsync.bench.soak;

import java.math.BigDecimal;
import java.util.List;

/** The CRM side of the soak: what the CRM holds, version by version (the ground truth to count Exact against). */
final class CrmObjects {

    private CrmObjects() {
    }

    /** One version of a CRM object as sent: its data JSON and when the CRM says it happened. */
    record Version(int number, String data, String occurredAt) {
    }

    /** A relation with its home division (its invoices go there) and all divisions it is synced to. */
    record Relation(String id, String name, int home, List<Integer> divisions, List<Version> versions) {
    }

    /** A project of a relation, synced to the relation's divisions; descriptions start with {@code descriptionKey}. */
    record Project(String id, String relationId, String descriptionKey, List<Integer> divisions,
            List<Version> versions) {
    }

    /** An invoice (one version: a booked invoice is corrected by a credit note, never changed). */
    record Invoice(String id, String number, String relationId, int division, BigDecimal totalInclVat,
            BigDecimal totalVat, String data) {
    }
}
