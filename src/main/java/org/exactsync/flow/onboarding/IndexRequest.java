package org.exactsync.flow.onboarding;

/**
 * Body of {@code POST divisions/<division>/onboarding/index}: the division again (binds the signed body to the route)
 * and whether to read everything again instead of what changed.
 */
public record IndexRequest(Integer division, Boolean rebuild) {
}
