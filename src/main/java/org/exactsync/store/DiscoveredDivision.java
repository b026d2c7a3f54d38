package org.exactsync.store;

/**
 * A division the consenting Exact user may open, as {@code system/Divisions} listed it when the tenant connected: the
 * list an admin may select sync divisions from.
 *
 * @param code        the division number used in Exact's URLs
 * @param description the administration's name in Exact (a company name, shown to the tenant's admin)
 * @param active      Exact's {@code Status} was 1 (inactive and archived divisions cannot be selected)
 */
public record DiscoveredDivision(int code, String description, boolean active) {
}
