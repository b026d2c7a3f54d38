package org.exactsync.flow.relation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.crm.callback.Callbacks;
import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.ExactAccount;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.odata.ExactRow;
import org.exactsync.exact.odata.OData;
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
import org.exactsync.store.MappingChange;
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
    /** Mapping value: {@code occurredAt} of the CRM version last applied in the division (ISO instant). */
    static final String APPLIED_VERSION_AT = "crmVersionAt";
    /**
     * Mapping value naming the fields (comma-separated) whose applied values must still be put back in Exact: set
     * before {@link #restoreNewer}'s PUT and cleared after it, so that a PUT that fails is redone by the next attempt
     * of any event of this relation, the older event's own replay included (found by the reliability soak).
     */
    static final String RESTORE_PENDING = "restorePending";

    /** One page of candidates is plenty: more than a handful of matches is ambiguous anyway. */
    private static final int MAX_CANDIDATES = 60;

    private final ExactOnline exact;
    private final MappingStore mappings;
    private final PaymentConditionCatalog paymentConditions;
    private final Callbacks callbacks;
    private final MappingWrites writes;
    private final ContactsSync contactsSync;

    public RelationDivisionSync(ExactOnline exact, MappingStore mappings, PaymentConditionCatalog paymentConditions,
            Callbacks callbacks, Clock clock) {
        this.exact = exact;
        this.mappings = mappings;
        this.paymentConditions = paymentConditions;
        this.callbacks = callbacks;
        this.writes = new MappingWrites(mappings, clock);
        this.contactsSync = new ContactsSync(exact, mappings, writes);
    }

    DivisionOutcome sync(ExactTarget target, RelationUpserted relation, boolean crmWins) {
        return sync(target, relation, crmWins, null);
    }

    /**
     * {@code occurredAt} (the envelope's; null = unknown) orders versions: a version older than the one already
     * applied in this division is ignored (0 calls), so a CRM that delivers out of order never rolls Exact back.
     */
    DivisionOutcome sync(ExactTarget target, RelationUpserted relation, boolean crmWins, Instant occurredAt) {
        int division = target.division();
        String tenant = target.tenant();
        Optional<String> paymentCondition = Optional.empty();
        if (relation.paymentTermDays() != null) {
            paymentCondition = PaymentTerms.conditionCode(relation.paymentTermDays(),
                    paymentConditions.conditions(target));
            if (paymentCondition.isEmpty()) {
                return new DivisionOutcome.NoPaymentCondition(division, relation.paymentTermDays());
            }
        }
        Map<String, String> wanted = AccountMapper.accountFields(relation, paymentCondition);
        MappingKey key = new MappingKey(tenant, division, EntityKind.RELATION, relation.id());
        // A mapping without an Exact id is a claim: an earlier attempt was about to POST and may have created the
        // account without getting Exact's answer (Exact has no idempotency key, docs/exact-reference.md §8.4).
        Optional<MappingRecord> stored = mappings.find(key);
        Optional<MappingRecord> mapping = stored.filter(m -> m.exactId() != null);

        UUID accountId;
        String code;
        Map<String, String> lastSent;
        Map<String, String> current = null;
        boolean written = false;
        long version;
        if (mapping.isPresent() && mapping.get().sentValues().containsKey(RESTORE_PENDING)) {
            mapping = Optional.of(finishRestore(target, mapping.get()));
        }
        if (mapping.isPresent() && olderThanApplied(mapping.get(), occurredAt)) {
            LOG.infof("relation %s: an event from %s is older than the version applied in division %d; ignored",
                    relation.id(), occurredAt, division);
            return new DivisionOutcome.Synced(new DivisionResult(division, mapping.get().exactId(),
                    mapping.get().exactCode()));
        }
        if (mapping.isPresent()) {
            accountId = UUID.fromString(mapping.get().exactId());
            code = mapping.get().exactCode();
            lastSent = mapping.get().sentValues();
            version = mapping.get().version();
        } else {
            if (stored.isPresent()) {
                // Before the look-up: a live claim's POST may still be in flight and would not be found.
                stored = Optional.of(writes.takeOver(key, stored.get()));
            }
            AccountMatch match = match(target, relation, stored.isPresent());
            if (match instanceof AccountMatch.Ambiguous ambiguous) {
                reportAmbiguous(target, relation, ambiguous);
                return new DivisionOutcome.Ambiguous(division, ambiguous.rule(), ambiguous.codes());
            }
            if (match instanceof AccountMatch.One one) {
                Optional<MappingRecord> linked = mappings.findByExactId(tenant, division, EntityKind.RELATION,
                        one.account().get("ID")).filter(other -> !other.key().crmId().equals(relation.id()));
                if (linked.isPresent()) {
                    // Two CRM relations must not silently become one Exact debtor: a person decides.
                    AccountMatch.Ambiguous taken = new AccountMatch.Ambiguous(one.rule() + ", already linked to "
                            + "relation " + linked.get().key().crmId(), List.of(one.account().get("Code")));
                    reportAmbiguous(target, relation, taken);
                    return new DivisionOutcome.Ambiguous(division, taken.rule(), taken.codes());
                }
                current = one.account();
                accountId = UUID.fromString(current.get("ID"));
                code = current.get("Code");
                // After our own claim, the account is most likely our lost POST: what it posted is what we last sent.
                lastSent = stored.map(MappingWrites::postedBefore).orElse(Map.of());
                LOG.infof("relation %s adopted Exact account %s in division %d by %s", relation.id(), accountId,
                        division, one.rule());
            } else {
                Map<String, String> posted = AccountMapper.nonEmpty(wanted);
                long claimed = writes.claim(key, stored, wanted);
                ExactAccount created;
                try {
                    created = exact.createAccount(target, ExactAccountValues.toAccountFields(posted));
                } catch (RuntimeException failed) {
                    writes.release(key, claimed, wanted);
                    throw failed;
                }
                accountId = created.id();
                code = created.code();
                lastSent = wanted;
                current = new LinkedHashMap<>(wanted);
                written = true;
                LOG.infof("relation %s created as Exact account %s in division %d", relation.id(), accountId,
                        division);
                stored = Optional.of(writes.swap(key, claimed, new MappingChange(accountId.toString(), code,
                        MappingWrites.hash(lastSent), lastSent)));
            }
            version = writes.link(key, stored, new MappingChange(accountId.toString(), code,
                    MappingWrites.hash(lastSent), lastSent));
        }

        ContactsSync.Result contacts = contactsSync.sync(target, accountId, relation, lastSent);
        written |= contacts.written();
        Map<String, String> wantedWithMain = new LinkedHashMap<>(wanted);
        contacts.mainContact().ifPresent(main -> wantedWithMain.put(AccountFieldNames.MAIN_CONTACT, main));

        Map<String, String> sent = new LinkedHashMap<>(lastSent);
        List<FieldConflict> conflicts = List.of();
        Set<String> putFields = Set.of();
        boolean needsCompare = current != null || !FieldDiff.changed(wantedWithMain, lastSent).isEmpty();
        if (needsCompare) {
            if (current == null) {
                Optional<Map<String, String>> read = read(target, accountId);
                if (read.isEmpty()) {
                    return new DivisionOutcome.AccountGone(division, accountId.toString());
                }
                current = read.get();
            }
            AccountWritePlan plan = ConflictRule.plan(wantedWithMain, lastSent, current, crmWins);
            if (!plan.toWrite().isEmpty()) {
                exact.updateAccount(target, accountId, ExactAccountValues.toAccountFields(plan.toWrite()));
                written = true;
                putFields = plan.toWrite().keySet();
            }
            sent.putAll(plan.sent());
            conflicts = plan.conflicts();
        }
        sent.put(ContactsSync.CONTACT_IDS, contacts.idsValue());
        if (occurredAt != null) {
            sent.put(APPLIED_VERSION_AT, occurredAt.toString());
        }
        if (!sent.equals(lastSent)) {
            try {
                save(key, version, accountId, code, sent);
            } catch (MappingRaceException lost) {
                restoreNewer(target, key, accountId, occurredAt, putFields);
                throw lost;
            }
        }
        if (!conflicts.isEmpty()) {
            LOG.infof("relation %s conflicts with Exact account %s in division %d on %d field(s)", relation.id(),
                    accountId, division, conflicts.size());
            callbacks.send(target.tenant(), entityKey(relation), "relation.conflict", new RelationConflict(
                    relation.id(), division, accountId.toString(), conflicts, crmWins ? "crm-wins" : "kept-exact"));
        }
        if (written || !contacts.absent().isEmpty()) {
            callbacks.send(target.tenant(), entityKey(relation), "relation.synced", new RelationSynced(relation.id(),
                    division, accountId.toString(), relation.isCustomer() ? code : null,
                    relation.isSupplier() ? code : null, contacts.absent().isEmpty() ? null : contacts.absent()));
        }
        return new DivisionOutcome.Synced(new DivisionResult(division, accountId.toString(), code));
    }

    /**
     * Our PUT went out but our mapping write lost to another worker's. When that worker applied a newer version, our
     * PUT may have landed after its PUT and put older values back in Exact; its event is done and ours will be ignored
     * as older, so the fields we wrote are put back to the newer version's values now (found by the soak).
     */
    private void restoreNewer(ExactTarget target, MappingKey key, UUID accountId, Instant occurredAt,
            Set<String> putFields) {
        if (putFields.isEmpty() || occurredAt == null) {
            return;
        }
        mappings.find(key).filter(m -> accountId.toString().equals(m.exactId()))
                .filter(m -> olderThanApplied(m, occurredAt)).ifPresent(newer -> {
                    Set<String> fields = new TreeSet<>(putFields);
                    fields.addAll(pendingFields(newer));
                    Map<String, String> marked = new LinkedHashMap<>(newer.sentValues());
                    marked.put(RESTORE_PENDING, String.join(",", fields));
                    // Marked first: should the PUT below fail, the next attempt of any event of this relation redoes it.
                    finishRestore(target, writes.swap(key, newer.version(), new MappingChange(newer.exactId(),
                            newer.exactCode(), MappingWrites.hash(marked), marked)));
                    LOG.infof("relation %s: a newer version was applied meanwhile in division %d; its values %s "
                            + "put back", key.crmId(), key.division(), fields);
                });
    }

    /** Puts the pending fields back to the mapping's (applied) values, then clears the mark; returns the mapping. */
    private MappingRecord finishRestore(ExactTarget target, MappingRecord mapping) {
        Map<String, String> restore = new LinkedHashMap<>();
        pendingFields(mapping).forEach(field -> restore.put(field, mapping.sentValues().getOrDefault(field, "")));
        if (!restore.isEmpty()) {
            exact.updateAccount(target, UUID.fromString(mapping.exactId()),
                    ExactAccountValues.toAccountFields(restore));
        }
        Map<String, String> cleared = new LinkedHashMap<>(mapping.sentValues());
        cleared.remove(RESTORE_PENDING);
        return writes.swap(mapping.key(), mapping.version(), new MappingChange(mapping.exactId(),
                mapping.exactCode(), MappingWrites.hash(cleared), cleared));
    }

    private static Set<String> pendingFields(MappingRecord mapping) {
        String pending = mapping.sentValues().get(RESTORE_PENDING);
        return pending == null || pending.isBlank() ? Set.of() : new TreeSet<>(List.of(pending.split(",")));
    }

    private static boolean olderThanApplied(MappingRecord mapping, Instant occurredAt) {
        String applied = mapping.sentValues().get(APPLIED_VERSION_AT);
        return occurredAt != null && applied != null && Instant.parse(applied).isAfter(occurredAt);
    }

    /** Dry-run mode: what a live sync would send to the account, from the stores alone (no Exact call). */
    DryRunResult preview(String tenant, int division, RelationUpserted relation) {
        // The payment condition is left out: choosing the division's condition code would take an Exact read.
        Map<String, String> wanted = AccountMapper.accountFields(relation, Optional.empty());
        Optional<MappingRecord> mapping = mappings.find(new MappingKey(tenant, division, EntityKind.RELATION,
                relation.id())).filter(m -> m.exactId() != null);
        Map<String, String> lastSent = mapping.map(MappingRecord::sentValues).orElse(Map.of());
        return new DryRunResult(division, mapping.map(MappingRecord::exactId).orElse(null),
                mapping.map(MappingRecord::exactCode).orElse(null), true, FieldDiff.changed(wanted, lastSent));
    }

    private AccountMatch match(ExactTarget target, RelationUpserted relation, boolean earlierAttempt) {
        // The operator's choice, then the division's account index, 0 Exact calls (docs/relation-flow.md,
        // "Onboarding"); a miss, no index or an earlier attempt goes on to the single GET below.
        Optional<AccountMatch> decided = AccountDecision.current()
                .flatMap(decision -> decision.decide(target, relation, earlierAttempt));
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

    private void save(MappingKey key, long version, UUID accountId, String code, Map<String, String> sent) {
        writes.swap(key, version, new MappingChange(accountId.toString(), code, MappingWrites.hash(sent), sent));
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
