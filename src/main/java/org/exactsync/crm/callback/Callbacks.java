package org.exactsync.crm.callback;

/** Durable, signed, ordered-per-entity callbacks to the tenant's CRM (the contract's "Outbound" part). */
public interface Callbacks {

    /**
     * Stores the callback durably (in order per (tenant, entityKey)) and tries to deliver it now. Never throws for a
     * delivery failure: the callback stays queued and is retried with back-off until the CRM answers 2xx.
     *
     * @param tenant    tenant whose callback URL and outbound secret apply
     * @param entityKey the CRM entity the callback is about, e.g. {@code relation:rel-1001}; callbacks of one key are
     *                  delivered in the order they were sent
     * @param type      callback type, e.g. {@code relation.synced}
     * @param data      the {@code data} object (serialised with Jackson)
     */
    void send(String tenant, String entityKey, String type, Object data);
}
