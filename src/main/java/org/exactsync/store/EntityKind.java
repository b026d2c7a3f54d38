package org.exactsync.store;

/** What a mapping links: a CRM entity and its Exact counterpart in one division. */
public enum EntityKind {
    /** CRM relation ↔ Exact {@code crm/Accounts} (code = debtor/creditor number). */
    RELATION,
    /** CRM contact ↔ Exact {@code crm/Contacts}. */
    CONTACT,
    /** CRM project ↔ Exact cost center ({@code hrm/Costcenters}, code = cost center code). */
    PROJECT,
    /** CRM invoice ↔ Exact sales entry (code = entry number). */
    INVOICE
}
