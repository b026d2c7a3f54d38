package org.exactsync.flow.onboarding;

/**
 * Body of {@code PUT divisions/<division>/onboarding/choices/<relationId>}: the relation again (binds the signed body
 * to the route) and exactly one of an Exact relation number to adopt or {@code createNew: true}.
 */
public record ChoiceRequest(String relationId, String accountCode, Boolean createNew) {
}
