package org.exactsync.store;

/** One CRM project's purchases in one tenant's Exact division (cost centers are division-local, §7.3). */
public record ProjectCostsKey(String tenant, int division, String projectId) {
}
