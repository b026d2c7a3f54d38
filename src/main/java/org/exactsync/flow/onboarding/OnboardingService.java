package org.exactsync.flow.onboarding;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.exact.model.ExactTarget;
import org.exactsync.store.AccountIndexStore;
import org.exactsync.store.IndexState;
import org.exactsync.store.IndexedAccount;
import org.exactsync.store.SeenRelation;
import org.exactsync.store.SeenRelationStore;

/**
 * Onboarding an administration that already exists: the account index of a division, the operator's choices for
 * ambiguous matches, and the data-quality report (for the admin routes and the console).
 */
@ApplicationScoped
public class OnboardingService {

    private final AccountIndex index;
    private final AccountIndexStore accounts;
    private final SeenRelationStore seen;

    public OnboardingService(AccountIndex index, AccountIndexStore accounts, SeenRelationStore seen) {
        this.index = index;
        this.accounts = accounts;
        this.seen = seen;
    }

    /** The division's report from the stores alone (0 Exact calls). */
    public OnboardingReport report(String tenant, int division) {
        Optional<IndexState> state = accounts.state(tenant, division);
        List<IndexedAccount> all;
        try (var stream = accounts.all(tenant, division)) {
            all = stream.toList();
        }
        List<SeenRelation> relations;
        try (var stream = seen.all(tenant, division)) {
            relations = stream.toList();
        }
        return DataQualityReport.of(tenant, division, state, all, relations);
    }

    /** Builds the division's index (first time or {@code rebuild}) or brings it up to date. */
    public AccountIndex.Run index(ExactTarget target, boolean rebuild) {
        return rebuild ? index.build(target) : index.refresh(target);
    }

    public Optional<IndexState> state(String tenant, int division) {
        return accounts.state(tenant, division);
    }

    /** Whether a relation number is in the division's index (false also when there is no index). */
    public boolean indexed(String tenant, int division, String code) {
        return !accounts.byKey(tenant, division, MatchKeys.code(code)).isEmpty();
    }

    /** Records the operator's choice for a relation: a relation number, or {@link SeenRelation#CREATE_NEW}. */
    public void choose(String tenant, int division, String relationId, String choice) {
        seen.choose(tenant, division, relationId, choice);
    }
}
