package org.exactsync.flow.relation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.exactsync.crm.callback.Callbacks;
import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.ExactAccount;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.odata.ExactRow;
import org.exactsync.exact.odata.OData;
import org.exactsync.flow.write.OrderedWrites;
import org.exactsync.flow.write.Recorded;
import org.exactsync.mapping.AccountFieldNames;
import org.exactsync.mapping.AccountMapper;
import org.exactsync.mapping.AccountMatch;
import org.exactsync.mapping.AccountWritePlan;
import org.exactsync.mapping.ConflictRule;
import org.exactsync.mapping.FieldConflict;
import org.exactsync.mapping.FieldDiff;
import org.exactsync.mapping.PaymentTerms;
import org.exactsync.mapping.RelationAddress;
import org.exactsync.mapping.RelationUpserted;
import org.exactsync.mapping.VatNumbers;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingRecord;
import org.exactsync.store.MappingStore;
import org.jboss.logging.Logger;

/**
 * Brings one relation into one Exact division with as few calls as Exact's budget allows:
 * <ul>
 * <li>Known account (mapping): the CRM's values are compared with what was last sent; nothing changed → no call at
 * all. Something changed → one GET to compare with Exact's current values (conflict rule), then one partial PUT.</li>
 * <li>Unknown account: one GET with all match rules OR-ed (VAT, KvK, name + postcode); one match is adopted, several
 * are a conflict; none → POST. A new account's values are known without reading it back.</li>
 * <li>Contacts: created or PUT with changed fields per contact mapping; then {@code MainContact} goes in the same PUT
 * as other account changes.</li>
 * </ul>
 * First sync with n contacts: 1 lookup + 1 POST + n POSTs + 1 PUT = n + 3 calls (plus the division's payment
 * conditions once per hour per warm instance, see {@link PaymentConditionCatalog}).
 */
@ApplicationScoped
public class RelationDivisionSync {

    private static final Logger LOG = Logger.getLogger(RelationDivisionSync.class);

    /** One page of candidates is plenty: more than a handful of matches is ambiguous anyway. */
    private static final int MAX_CANDIDATES = 60;

    private final ExactOnline exact;
    private final MappingStore mappings;
    private final PaymentConditionCatalog paymentConditions;
    private final Callbacks callbacks;
    private final OrderedWrites writes;
    private final ContactsSync contactsSync;
    private final AccountDecision decision;

    /**
     * In the application: the deployed {@link AccountDecision} (the onboarding index) when there is one. Taken as an
     * {@link Instance} because its implementation lives in a package that depends on this one.
     */
    @Inject
    public RelationDivisionSync(ExactOnline exact, MappingStore mappings, PaymentConditionCatalog paymentConditions,
            Callbacks callbacks, Clock clock, Instance<AccountDecision> decisions) {
        this(exact, mappings, paymentConditions, callbacks, clock,
                decisions.isResolvable() ? decisions.get() : AccountDecision.NONE);
    }

    /** Wired by hand without an index: every relation without a mapping gets the flow's own single look-up. */
    public RelationDivisionSync(ExactOnline exact, MappingStore mappings, PaymentConditionCatalog paymentConditions,
            Callbacks callbacks, Clock clock) {
        this(exact, mappings, paymentConditions, callbacks, clock, AccountDecision.NONE);
    }

    public RelationDivisionSync(ExactOnline exact, MappingStore mappings, PaymentConditionCatalog paymentConditions,
            Callbacks callbacks, Clock clock, AccountDecision decision) {
        this.decision = decision;
        this.exact = exact;
        this.mappings = mappings;
        this.paymentConditions = paymentConditions;
        this.callbacks = callbacks;
        this.writes = new OrderedWrites(mappings, clock);
        this.contactsSync = new ContactsSync(exact, writes);
    }

    DivisionOutcome sync(ExactTarget target, RelationUpserted relation, boolean crmWins) {
        return sync(target, relation, crmWins, null);
    }

    /**
     * {@code occurredAt} (the envelope's; null = unknown) orders versions: a version older than the one already
     * applied in this division is ignored (0 calls), so a CRM that delivers out of order never rolls Exact back.
     * Every Exact write goes through {@link OrderedWrites}, so two versions written at once cannot land out of order.
     */
    DivisionOutcome sync(ExactTarget target, RelationUpserted relation, boolean crmWins, Instant occurredAt) {
        int division = target.division();
        Optional<String> paymentCondition = Optional.empty();
        if (relation.paymentTermDays() != null) {
            paymentCondition = PaymentTerms.conditionCode(relation.paymentTermDays(),
                    paymentConditions.conditions(target));
            if (paymentCondition.isEmpty()) {
                return new DivisionOutcome.NoPaymentCondition(division, relation.paymentTermDays());
            }
        }
        Map<String, String> wanted = AccountMapper.accountFields(relation, paymentCondition);
        MappingKey key = new MappingKey(target.tenant(), division, EntityKind.RELATION, relation.id());
        // A mapping without an Exact id is a claim: an earlier attempt was about to POST and may have created the
        // account without getting Exact's answer (Exact has no idempotency key, docs/exact-reference.md §8.4).
        Optional<MappingRecord> stored = writes.find(key);
        Optional<MappingRecord> mapping = stored.filter(m -> m.exactId() != null)
                .map(m -> writes.ready(m, (ready, fields) -> putBack(target, ready, fields)));
        if (mapping.isPresent() && OrderedWrites.olderThanApplied(mapping.get(), occurredAt)) {
            LOG.infof("relation %s: an event from %s is older than the version applied in division %d; ignored",
                    relation.id(), occurredAt, division);
            return new DivisionOutcome.Synced(new DivisionResult(division, mapping.get().exactId(),
                    mapping.get().exactCode()));
        }
        Object account = mapping.<Object>map(Linked::known)
                .orElseGet(() -> link(target, relation, key, stored, wanted, occurredAt));
        if (account instanceof DivisionOutcome stopped) {
            return stopped;
        }
        Linked linked = (Linked) account;
        ContactsSync.Result contacts = contactsSync.sync(target, linked.accountId(), relation,
                linked.mapping().memberIds());
        Map<String, String> wantedWithMain = new LinkedHashMap<>(wanted);
        contacts.mainContact().ifPresent(main -> wantedWithMain.put(AccountFieldNames.MAIN_CONTACT, main));
        Optional<AccountUpdate> update = updateAccount(target, linked, wantedWithMain, crmWins, contacts.ids(),
                occurredAt);
        if (update.isEmpty()) {
            return new DivisionOutcome.AccountGone(division, linked.accountId().toString());
        }
        report(target, relation, linked, update.get(), contacts, crmWins);
        return new DivisionOutcome.Synced(new DivisionResult(division, linked.accountId().toString(),
                linked.code()));
    }

    /**
     * The account of a relation not mapped yet: a claim found is taken over, then the one look-up adopts a single
     * match, or the account is POSTed under a claim. Returns the {@link Linked} account or the outcome that stops.
     */
    private Object link(ExactTarget target, RelationUpserted relation, MappingKey key,
            Optional<MappingRecord> stored, Map<String, String> wanted, Instant occurredAt) {
        int division = target.division();
        if (stored.isPresent()) {
            // Before the look-up: a live claim's POST may still be in flight and would not be found.
            stored = Optional.of(writes.takeOver(stored.get(), null, null));
        }
        AccountMatch match = match(target, relation, stored.isPresent());
        if (match instanceof AccountMatch.Ambiguous ambiguous) {
            reportAmbiguous(target, relation, ambiguous);
            return new DivisionOutcome.Ambiguous(division, ambiguous.rule(), ambiguous.codes());
        }
        if (match instanceof AccountMatch.One one) {
            Optional<MappingRecord> linked = mappings.findByExactId(target.tenant(), division, EntityKind.RELATION,
                    one.account().get("ID")).filter(other -> !other.key().crmId().equals(relation.id()));
            if (linked.isPresent()) {
                // Two CRM relations must not silently become one Exact debtor: a person decides.
                AccountMatch.Ambiguous taken = new AccountMatch.Ambiguous(one.rule() + ", already linked to "
                        + "relation " + linked.get().key().crmId(), List.of(one.account().get("Code")));
                reportAmbiguous(target, relation, taken);
                return new DivisionOutcome.Ambiguous(division, taken.rule(), taken.codes());
            }
            Map<String, String> current = one.account();
            // After our own claim, the account is most likely our lost POST: what it posted is what we last sent
            // (found by the soak: a newer version after our own lost POST was reported as a conflict).
            Map<String, String> lastSent = stored.map(MappingRecord::sentValues).orElse(Map.of());
            MappingRecord claim = stored.orElseGet(() -> writes.claim(key, Optional.empty(), null, null, Map.of()));
            MappingRecord adopted = writes.commit(claim, new Recorded(current.get("ID"), current.get("Code"),
                    lastSent, claim.memberIds()), null);
            LOG.infof("relation %s adopted Exact account %s in division %d by %s", relation.id(), adopted.exactId(),
                    division, one.rule());
            return new Linked(adopted, current, false, true);
        }
        MappingRecord claim = writes.claim(key, stored, null, null, wanted);
        ExactAccount created;
        try {
            created = exact.createAccount(target, ExactAccountValues.toAccountFields(AccountMapper.nonEmpty(wanted)));
        } catch (RuntimeException failed) {
            writes.release(claim);
            throw failed;
        }
        LOG.infof("relation %s created as Exact account %s in division %d", relation.id(), created.id(), division);
        MappingRecord mapped = writes.commit(claim, new Recorded(created.id().toString(), created.code(), wanted,
                claim.memberIds()), occurredAt);
        return new Linked(mapped, new LinkedHashMap<>(wanted), true, false);
    }

    /**
     * Compares and writes the account's own fields under the write protocol: the conflict rule plans (pure), one
     * PUT of what it says under a claim, then the mapping records what Exact now holds, the contacts and the version.
     * Empty when the account is gone from Exact.
     */
    private Optional<AccountUpdate> updateAccount(ExactTarget target, Linked linked, Map<String, String> wanted,
            boolean crmWins, List<String> contactIds, Instant occurredAt) {
        MappingRecord mapping = linked.mapping();
        Map<String, String> lastSent = mapping.sentValues();
        Map<String, String> current = linked.current();
        Map<String, String> sent = new LinkedHashMap<>(lastSent);
        List<FieldConflict> conflicts = List.of();
        boolean written = false;
        if (current != null || !FieldDiff.changed(wanted, lastSent).isEmpty()) {
            if (current == null) {
                Optional<Map<String, String>> read = read(target, linked.accountId());
                if (read.isEmpty()) {
                    return Optional.empty();
                }
                current = read.get();
            }
            AccountWritePlan plan = ConflictRule.plan(wanted, lastSent, current, crmWins);
            if (!plan.toWrite().isEmpty()) {
                mapping = writes.begin(mapping, null, plan.toWrite().keySet());
                try {
                    exact.updateAccount(target, linked.accountId(), ExactAccountValues.toAccountFields(plan.toWrite()));
                } catch (RuntimeException failed) {
                    writes.release(mapping);
                    throw failed;
                }
                written = true;
            }
            sent.putAll(plan.sent());
            conflicts = plan.conflicts();
        }
        if (mapping != linked.mapping() || !sent.equals(lastSent) || !contactIds.equals(mapping.memberIds())
                || advances(mapping, occurredAt)) {
            writes.commit(mapping, new Recorded(mapping.exactId(), mapping.exactCode(), sent, contactIds),
                    occurredAt);
        }
        return Optional.of(new AccountUpdate(written, conflicts));
    }

    /**
     * The callbacks: conflicts found, and {@code relation.synced} when the account was created or adopted, Exact was
     * written or contacts went missing. An adoption that needs no write still owes the CRM its number (once: a replay
     * finds the mapping and reports only what it writes).
     */
    private void report(ExactTarget target, RelationUpserted relation, Linked linked, AccountUpdate update,
            ContactsSync.Result contacts, boolean crmWins) {
        int division = target.division();
        String accountId = linked.accountId().toString();
        if (!update.conflicts().isEmpty()) {
            LOG.infof("relation %s conflicts with Exact account %s in division %d on %d field(s)", relation.id(),
                    accountId, division, update.conflicts().size());
            callbacks.send(target.tenant(), entityKey(relation), "relation.conflict", new RelationConflict(
                    relation.id(), division, accountId, update.conflicts(), crmWins ? "crm-wins" : "kept-exact"));
        }
        if (linked.created() || linked.adopted() || update.written() || contacts.written()
                || !contacts.absent().isEmpty()) {
            String code = linked.code();
            callbacks.send(target.tenant(), entityKey(relation), "relation.synced", new RelationSynced(relation.id(),
                    division, accountId, relation.isCustomer() ? code : null, relation.isSupplier() ? code : null,
                    contacts.absent().isEmpty() ? null : contacts.absent()));
        }
    }

    /** Whether recording {@code occurredAt} would move the applied version forward. */
    private static boolean advances(MappingRecord mapping, Instant occurredAt) {
        Instant applied = mapping.write().appliedAt();
        return occurredAt != null && (applied == null || occurredAt.isAfter(applied));
    }

    /** Puts account fields back to the values the mapping recorded (unsettled after an unfinished write). */
    private void putBack(ExactTarget target, MappingRecord mapping, Set<String> fields) {
        Map<String, String> restore = new LinkedHashMap<>();
        fields.forEach(field -> restore.put(field, mapping.sentValues().getOrDefault(field, "")));
        exact.updateAccount(target, UUID.fromString(mapping.exactId()), ExactAccountValues.toAccountFields(restore));
        LOG.infof("relation %s: fields %s put back to the applied version in division %d", mapping.key().crmId(),
                fields, mapping.key().division());
    }

    /**
     * The relation's account in the division, as the mapping now records it; {@code current} is Exact's values when
     * this attempt knows them without a read (adopted or created), else null. {@code adopted}: linked to an account
     * Exact already held, whose number the CRM has not been called back with yet.
     */
    private record Linked(MappingRecord mapping, Map<String, String> current, boolean created, boolean adopted) {

        /**
         * A mapping that never recorded values was adopted (or mapped by hand) by an attempt that stopped before its
         * end, e.g. its contacts waited for the budget: the callback with the number is still owed.
         */
        static Linked known(MappingRecord mapping) {
            return new Linked(mapping, null, false, mapping.sentValues().isEmpty());
        }

        UUID accountId() {
            return UUID.fromString(mapping.exactId());
        }

        String code() {
            return mapping.exactCode();
        }
    }

    /** What the account update did: written to Exact, and the conflicts the rule found. */
    private record AccountUpdate(boolean written, List<FieldConflict> conflicts) {
    }

    /**
     * Dry-run mode: what a live sync would send to the account, and for a relation not mapped yet which account it
     * would adopt, from the stores alone (no Exact call).
     */
    DryRunResult preview(String tenant, int division, RelationUpserted relation) {
        // The payment condition is left out: choosing the division's condition code would take an Exact read.
        Map<String, String> wanted = AccountMapper.accountFields(relation, Optional.empty());
        Optional<MappingRecord> mapping = mappings.find(new MappingKey(tenant, division, EntityKind.RELATION,
                relation.id())).filter(m -> m.exactId() != null);
        Map<String, String> lastSent = mapping.map(MappingRecord::sentValues).orElse(Map.of());
        Map<String, String> wouldSend = FieldDiff.changed(wanted, lastSent);
        if (mapping.isPresent()) {
            return new DryRunResult(division, mapping.get().exactId(), mapping.get().exactCode(), true, null, null,
                    null, wouldSend);
        }
        // Not mapped yet: the index says what a live sync would adopt, and records it for the onboarding report.
        Optional<AccountMatch> match = decision.preview(tenant, division, relation);
        if (match.isPresent() && match.get() instanceof AccountMatch.One one) {
            return new DryRunResult(division, one.account().get("ID"), one.account().get("Code"), true,
                    DryRunResult.MATCHED, one.rule(), null, wouldSend);
        }
        if (match.isPresent() && match.get() instanceof AccountMatch.Ambiguous ambiguous) {
            return new DryRunResult(division, null, null, true, DryRunResult.AMBIGUOUS, ambiguous.rule(),
                    ambiguous.codes(), wouldSend);
        }
        return new DryRunResult(division, null, null, true, match.isPresent() ? DryRunResult.CREATE : null, null,
                null, wouldSend);
    }

    private AccountMatch match(ExactTarget target, RelationUpserted relation, boolean earlierAttempt) {
        // The operator's choice, then the division's account index, 0 Exact calls (docs/relation-flow.md,
        // "Onboarding"); a miss, no index or an earlier attempt goes on to the single GET below.
        Optional<AccountMatch> decided = decision.decide(target, relation, earlierAttempt);
        if (decided.isPresent()) {
            return decided.get();
        }
        List<String> rules = new ArrayList<>();
        if (relation.vatNumber() != null && !relation.vatNumber().isBlank()) {
            rules.add(OData.eq(AccountFieldNames.VAT_NUMBER, OData.string(VatNumbers.compact(relation.vatNumber()))));
        }
        if (relation.chamberOfCommerce() != null && !relation.chamberOfCommerce().isBlank()) {
            rules.add(OData.eq(AccountFieldNames.CHAMBER_OF_COMMERCE,
                    OData.string(relation.chamberOfCommerce().strip())));
        }
        String postcode = Optional.ofNullable(relation.address()).map(RelationAddress::postcode).orElse(null);
        if (postcode != null && !postcode.isBlank()) {
            rules.add("(" + OData.eq(AccountFieldNames.NAME, OData.string(relation.name().strip())) + " and "
                    + OData.eq(AccountFieldNames.POSTCODE, OData.string(postcode.strip())) + ")");
        }
        if (rules.isEmpty() && earlierAttempt) {
            rules.add(OData.eq(AccountFieldNames.NAME, OData.string(relation.name().strip())));
        }
        if (rules.isEmpty()) {
            return new AccountMatch.None();
        }
        // One GET for all rules: the order of evidence is applied to the candidates in memory.
        List<Map<String, String>> candidates;
        try (Stream<ExactRow> rows = exact.accountRecords(target, AccountFieldNames.SELECT,
                String.join(" or ", rules))) {
            candidates = rows.limit(MAX_CANDIDATES).map(ExactAccountValues::fromRow).toList();
        }
        return AccountMatch.pick(relation, candidates, earlierAttempt);
    }

    private Optional<Map<String, String>> read(ExactTarget target, UUID accountId) {
        try (Stream<ExactRow> rows = exact.accountRecords(target, AccountFieldNames.SELECT,
                OData.eq("ID", OData.guid(accountId)))) {
            return rows.findFirst().map(ExactAccountValues::fromRow);
        }
    }

    private void reportAmbiguous(ExactTarget target, RelationUpserted relation, AccountMatch.Ambiguous ambiguous) {
        LOG.infof("relation %s matches %d Exact accounts in division %d by %s; not guessing", relation.id(),
                ambiguous.codes().size(), target.division(), ambiguous.rule());
        callbacks.send(target.tenant(), entityKey(relation), "relation.conflict", new RelationConflict(relation.id(),
                target.division(), null, List.of(new FieldConflict("match", ambiguous.rule(),
                        "ambiguous: relation numbers " + String.join(", ", ambiguous.codes()))), "kept-exact"));
    }

    private static String entityKey(RelationUpserted relation) {
        return "relation:" + relation.id();
    }

}
