package org.exactsync.mapping;

/**
 * A field Exact holds differently from both the CRM and what the connector last sent: a bookkeeper changed it.
 *
 * @param name  the CRM's field name, e.g. {@code address.city}
 * @param crm   the value the CRM wants (as it would go to Exact)
 * @param exact the value Exact holds now
 */
public record FieldConflict(String name, String crm, String exact) {
}
