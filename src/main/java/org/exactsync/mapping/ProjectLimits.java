package org.exactsync.mapping;

/**
 * Limits of what a project sends to Exact's {@code hrm/Costcenters}. Exact publishes no lengths; the only known
 * source models Code as 8 and Description as 60 characters (docs/exact-reference.md §5.10, §5.20). As for relations
 * (docs/relation-flow.md): a longer description rejects the event with a 400 naming the field, never shortened. The
 * code is derived, so its limit shapes {@link CostCenterCodes} instead.
 */
public final class ProjectLimits {

    /** Cost center Code. */
    public static final int CODE = 8;
    /** Cost center Description. */
    public static final int DESCRIPTION = 60;
    /** CRM ids and the project number are mapping keys or their source; same bound as the envelope's eventId. */
    public static final int CRM_TEXT = 100;

    private ProjectLimits() {
    }
}
