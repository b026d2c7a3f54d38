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

    /**
     * The decision, or empty when the relation flow should make its own single look-up (no index for the division,
     * a miss to confirm, an earlier attempt to find).
     */
    Optional<AccountMatch> decide(ExactTarget target, RelationUpserted relation, boolean earlierAttempt);

    /**
     * The deployed implementation when running inside the application, else empty (a flow wired by hand, as in
     * tests, keeps its own look-up). Looked up rather than injected: the relation flow's constructor stays as it is.
     */
    static Optional<AccountDecision> current() {
        io.quarkus.arc.ArcContainer container = io.quarkus.arc.Arc.container();
        if (container == null || !container.isRunning()) {
            return Optional.empty();
        }
        io.quarkus.arc.InstanceHandle<AccountDecision> bean = container.instance(AccountDecision.class);
        return bean.isAvailable() ? Optional.of(bean.get()) : Optional.empty();
    }
}
