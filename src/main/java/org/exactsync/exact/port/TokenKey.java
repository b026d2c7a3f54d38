package org.exactsync.exact.port;

/**
 * Identifies one OAuth token chain: Exact issues one chain per (app, user, country site), and a tenant owns its
 * connection. All divisions the user may open share this one chain (docs/exact-reference.md §7.2).
 *
 * @param tenant    the connected business (CRM tenant id)
 * @param site      Exact site base URL, e.g. {@code https://start.exactonline.nl}
 * @param exactUser Exact {@code UserID} (GUID text) of the consenting user
 */
public record TokenKey(String tenant, String site, String exactUser) {
}
