package org.exactsync.flow.relation;

import java.util.Optional;

import org.exactsync.exact.model.ExactTarget;
import org.exactsync.mapping.AccountMatch;
import org.exactsync.mapping.RelationUpserted;

/**
 * Decides which Exact account a relation without a mapping is before the relation flow looks it up in Exact itself:
 * the onboarding index (docs/onboarding.md) implements it. Defined here so that the relation flow does not depend on
 * the part that implements it.
 */
public interface AccountDecision {

    /** No decision ever: the relation flow always makes its own look-up (no onboarding index deployed or wired). */
    AccountDecision NONE = (target, relation, earlierAttempt) -> Optional.empty();

    /**
     * The decision, or empty when the relation flow should make its own single look-up (no index for the division,
     * a miss to confirm, an earlier attempt to find).
     */
    Optional<AccountMatch> decide(ExactTarget target, RelationUpserted relation, boolean earlierAttempt);

    /**
     * For a dry run: the decision from the stores alone (0 Exact calls; {@link AccountMatch.None} = a live sync would
     * create the account), or empty when there is nothing to decide from (no index for the division).
     */
    default Optional<AccountMatch> preview(String tenant, int division, RelationUpserted relation) {
        return Optional.empty();
    }
}
