package org.exactsync.flow.onboarding;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.AccountQuery;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.odata.ExactRow;
import org.exactsync.flow.relation.AccountDecision;
import org.exactsync.flow.relation.ExactAccountValues;
import org.exactsync.mapping.AccountFieldNames;
import org.exactsync.mapping.AccountMapper;
import org.exactsync.mapping.AccountMatch;
import org.exactsync.mapping.RelationUpserted;
import org.exactsync.store.AccountIndexStore;
import org.exactsync.store.IndexState;
import org.exactsync.store.IndexedAccount;
import org.exactsync.store.SeenRelation;
import org.exactsync.store.SeenRelationStore;
import org.jboss.logging.Logger;

/**
 * The relation flow's account decision when a division has an account index: the operator's choice first, then the
 * index (0 Exact calls), and only when neither decides, today's single look-up in Exact. Every relation matched here
 * is recorded with its outcome for the onboarding report.
 *
 * <p>A miss in the index is not taken as "create": the index may lag Exact by up to {@code maxAge} (accounts the
 * bookkeeper or this connector created since the last read), so the relation flow confirms a miss with its own
 * single GET before it creates anything. A relation whose earlier attempt may have created its account also goes to
 * that GET (only it can find the lost POST).
 */
@ApplicationScoped
public class IndexedMatching implements AccountDecision {

    private static final Logger LOG = Logger.getLogger(IndexedMatching.class);
    private static final String CHOICE = "operator's choice";

    private final AccountIndex index;
    private final AccountIndexStore accounts;
    private final SeenRelationStore seen;
    private final ExactOnline exact;
    private final Clock clock;
    private final Duration maxAge;

    @Inject
    public IndexedMatching(AccountIndex index, AccountIndexStore accounts, SeenRelationStore seen, ExactOnline exact,
            Clock clock, OnboardingConfig config) {
        this(index, accounts, seen, exact, clock, config.indexMaxAge());
    }

    public IndexedMatching(AccountIndex index, AccountIndexStore accounts, SeenRelationStore seen, ExactOnline exact,
            Clock clock, Duration maxAge) {
        this.index = index;
        this.accounts = accounts;
        this.seen = seen;
        this.exact = exact;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /**
     * The decision for a relation without a mapping, or empty when the relation flow should look the account up in
     * Exact itself (no index, a miss to confirm, or an earlier attempt to find).
     */
    @Override
    public Optional<AccountMatch> decide(ExactTarget target, RelationUpserted relation, boolean earlierAttempt) {
        String tenant = target.tenant();
        int division = target.division();
        Optional<String> choice = seen.find(tenant, division, relation.id()).map(SeenRelation::choice);
        if (choice.isPresent()) {
            return chosen(target, relation, choice.get(), earlierAttempt);
        }
        Optional<IndexState> state = index.state(tenant, division);
        if (earlierAttempt || state.isEmpty()) {
            return Optional.empty();
        }
        if (state.get().refreshedAt().plus(maxAge).isBefore(clock.instant())) {
            index.refresh(target);
        }
        IndexMatch match = assess(tenant, division, relation);
        return match.candidates().isEmpty() ? Optional.empty() : Optional.of(match.toAccountMatch());
    }

    /**
     * The dry run's decision: the operator's choice when it can be told from the stores, else the index as it stands
     * (no refresh: nothing may call Exact), recorded for the report like a live match.
     */
    @Override
    public Optional<AccountMatch> preview(String tenant, int division, RelationUpserted relation) {
        if (index.state(tenant, division).isEmpty()) {
            return Optional.empty();
        }
        Optional<String> choice = seen.find(tenant, division, relation.id()).map(SeenRelation::choice);
        if (choice.isPresent()) {
            if (SeenRelation.CREATE_NEW.equals(choice.get())) {
                return Optional.of(new AccountMatch.None());
            }
            List<IndexedAccount> indexed = accounts.byKey(tenant, division, MatchKeys.code(choice.get()));
            if (indexed.size() == 1) {
                return Optional.of(new AccountMatch.One(IndexMatch.flowValues(indexed.get(0)), CHOICE));
            }
        }
        return Optional.of(assess(tenant, division, relation).toAccountMatch());
    }

    /**
     * Matches a relation against the index with 0 Exact calls and records it (for the report and the operator's
     * choice); for a dry run or an upload that only assesses. The index must be built.
     */
    public IndexMatch assess(String tenant, int division, RelationUpserted relation) {
        Map<String, String> values = AccountMapper.accountFields(relation, Optional.empty());
        IndexMatch match = IndexMatch.of(values, key -> accounts.byKey(tenant, division, key));
        String outcome = match.matched() ? SeenRelation.MATCHED
                : match.ambiguous() ? SeenRelation.AMBIGUOUS : SeenRelation.CREATE;
        seen.record(new SeenRelation(tenant, division, relation.id(), values, outcome,
                match.matched() ? match.candidates().get(0).id() : null, match.rule(), match.codes(), null,
                clock.instant()));
        if (match.ambiguous()) {
            LOG.infof("relation %s matches %d indexed accounts in division %d by %s; waiting for the operator",
                    relation.id(), match.candidates().size(), division, match.rule());
        }
        return match;
    }

    private Optional<AccountMatch> chosen(ExactTarget target, RelationUpserted relation, String choice,
            boolean earlierAttempt) {
        if (SeenRelation.CREATE_NEW.equals(choice)) {
            // An earlier attempt may already have created it: only the flow's own look-up finds that account.
            return earlierAttempt ? Optional.empty() : Optional.of(new AccountMatch.None());
        }
        List<IndexedAccount> indexed = accounts.byKey(target.tenant(), target.division(), MatchKeys.code(choice));
        if (indexed.size() == 1) {
            return Optional.of(new AccountMatch.One(IndexMatch.flowValues(indexed.get(0)), CHOICE));
        }
        try (Stream<ExactRow> rows = exact.accountRecords(target, AccountFieldNames.SELECT,
                AccountQuery.byCode(choice).filter())) {
            Optional<Map<String, String>> account = rows.findFirst().map(ExactAccountValues::fromRow);
            if (account.isEmpty()) {
                LOG.infof("relation %s: the chosen account is not in division %d; looking it up as usual",
                        relation.id(), target.division());
                return Optional.empty();
            }
            return Optional.of(new AccountMatch.One(account.get(), CHOICE));
        }
    }
}
