package org.exactsync.flow.project;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.crm.callback.Callbacks;
import org.exactsync.exact.ExactNotFoundException;
import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.ExactValidationException;
import org.exactsync.exact.model.CostCenter;
import org.exactsync.exact.model.CostCenterFields;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.mapping.CostCenterCodes;
import org.exactsync.mapping.ProjectUpserted;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingRecord;
import org.exactsync.store.MappingStore;
import org.jboss.logging.Logger;

/**
 * Brings one CRM project into one Exact division as a cost center:
 * <ul>
 * <li>Mapped: the managed fields are compared with what was last sent; equal → no Exact call; different → one
 * partial PUT of the changed fields.</li>
 * <li>New: one GET of the cost centers that use any of the project's candidate codes, the first free candidate is
 * claimed in the mapping, then one POST. 2 calls.</li>
 * </ul>
 * Exact has no idempotency key (docs/exact-reference.md §8.4), so the mapping is claimed with the chosen code before the
 * POST; a replay that finds the claim and a cost center with that code that no other project holds adopts it instead
 * of posting again.
 */
@ApplicationScoped
public class ProjectDivisionSync {

    /** Candidate codes looked up in one GET; more than this many taken means something else is wrong. */
    static final int CANDIDATES = 10;
    private static final Logger LOG = Logger.getLogger(ProjectDivisionSync.class);

    /** How long a claim belongs to its worker: far longer than one attempt, as the invoice and relation flows. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(5);
    /** Mapping value: {@code occurredAt} of the CRM version last applied in the division (ISO instant). */
    static final String APPLIED_VERSION_AT = "crmVersionAt";
    /** Marks a claim given up after a handled failure: the next attempt may take it over at once. */
    static final String CLAIM_RELEASED = "claimReleased";
    /**
     * Fields (comma-separated) whose applied values must still be put back in Exact: set before
     * {@link #restoreNewer}'s PUT and cleared after it, so that a PUT that fails is redone by the next attempt of any
     * event of this project, the older event's own replay included (found by the reliability soak).
     */
    static final String RESTORE_PENDING = "restorePending";

    private final ExactOnline exact;
    private final MappingStore mappings;
    private final Callbacks callbacks;
    private final Clock clock;

    public ProjectDivisionSync(ExactOnline exact, MappingStore mappings, Callbacks callbacks, Clock clock) {
        this.exact = exact;
        this.mappings = mappings;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    ProjectDivisionOutcome sync(ExactTarget target, ProjectUpserted project, LocalDate closeDate) {
        return sync(target, project, closeDate, null);
    }

    /**
     * {@code occurredAt} (the envelope's; null = unknown) orders versions: a version older than the one already
     * applied in this division is ignored (0 calls), so a CRM that delivers out of order never rolls Exact back.
     */
    ProjectDivisionOutcome sync(ExactTarget target, ProjectUpserted project, LocalDate closeDate,
            Instant occurredAt) {
        MappingKey key = key(target.tenant(), target.division(), project);
        Optional<MappingRecord> stored = mappings.find(key);
        if (stored.isPresent() && stored.get().exactId() != null
                && stored.get().sentValues().containsKey(RESTORE_PENDING)) {
            stored = Optional.of(finishRestore(target, stored.get()));
        }
        if (stored.isPresent() && stored.get().exactId() != null) {
            String applied = stored.get().sentValues().get(APPLIED_VERSION_AT);
            if (occurredAt != null && applied != null && Instant.parse(applied).isAfter(occurredAt)) {
                LOG.infof("project %s: an event from %s is older than the version applied in division %d; ignored",
                        project.id(), occurredAt, target.division());
                return new ProjectDivisionOutcome.Synced(new ProjectResult(target.division(), stored.get().exactId(),
                        stored.get().exactCode()));
            }
            return update(target, project, stored.get(), closeDate, occurredAt);
        }
        return create(target, project, stored, closeDate, occurredAt);
    }

    /**
     * Our PUT went out but our mapping write lost to another worker's. When that worker applied a newer version, our
     * PUT may have landed after its PUT and put older values back in Exact; its event is done and ours will be ignored
     * as older, so the fields we wrote are put back to the newer version's values now (found by the soak).
     */
    private void restoreNewer(ExactTarget target, MappingRecord ours, Instant occurredAt, Set<String> fields) {
        if (occurredAt == null) {
            return;
        }
        mappings.find(ours.key()).filter(m -> ours.exactId().equals(m.exactId())).filter(m -> {
            String applied = m.sentValues().get(APPLIED_VERSION_AT);
            return applied != null && Instant.parse(applied).isAfter(occurredAt);
        }).ifPresent(newer -> {
            Set<String> pending = new TreeSet<>(fields);
            pending.addAll(pendingFields(newer));
            Map<String, String> marked = new LinkedHashMap<>(newer.sentValues());
            marked.put(RESTORE_PENDING, String.join(",", pending));
            // Marked first: should the PUT below fail, the next attempt of any event of this project redoes it.
            finishRestore(target, swap(newer.key(), newer.version(), new MappingChange(newer.exactId(),
                    newer.exactCode(), null, marked)));
            LOG.infof("project %s: a newer version was applied meanwhile in division %d; its values %s put back",
                    ours.key().crmId(), target.division(), pending);
        });
    }

    /** Puts the pending fields back to the mapping's (applied) values, then clears the mark; returns the mapping. */
    private MappingRecord finishRestore(ExactTarget target, MappingRecord mapping) {
        Map<String, String> restore = new LinkedHashMap<>();
        pendingFields(mapping).forEach(field -> restore.put(field, mapping.sentValues().get(field)));
        if (!restore.isEmpty()) {
            exact.updateCostCenter(target, UUID.fromString(mapping.exactId()),
                    CostCenterFields.fromValues(restore));
        }
        Map<String, String> cleared = new LinkedHashMap<>(mapping.sentValues());
        cleared.remove(RESTORE_PENDING);
        return swap(mapping.key(), mapping.version(), new MappingChange(mapping.exactId(), mapping.exactCode(), null,
                cleared));
    }

    private static Set<String> pendingFields(MappingRecord mapping) {
        String pending = mapping.sentValues().get(RESTORE_PENDING);
        return pending == null || pending.isBlank() ? Set.of() : new TreeSet<>(List.of(pending.split(",")));
    }

    /** {@code values} plus the version's time, when known. */
    private static Map<String, String> versioned(Map<String, String> values, Instant occurredAt) {
        if (occurredAt == null) {
            return values;
        }
        Map<String, String> out = new LinkedHashMap<>(values);
        out.put(APPLIED_VERSION_AT, occurredAt.toString());
        return out;
    }

    /** Dry-run mode: what a live sync would send, from the stores alone (no Exact call). */
    ProjectDryRun preview(String tenant, int division, ProjectUpserted project, LocalDate closeDate) {
        Optional<MappingRecord> mapping = mappings.find(key(tenant, division, project))
                .filter(m -> m.exactId() != null);
        if (mapping.isPresent()) {
            Map<String, String> last = mapping.get().sentValues();
            return new ProjectDryRun(division, mapping.get().exactId(), mapping.get().exactCode(), true,
                    nullsAsEmpty(CostCenterValues.changes(CostCenterValues.wanted(project, last, closeDate), last)));
        }
        String code = CostCenterCodes.candidate(project.number(), 0);
        Map<String, String> send = new LinkedHashMap<>();
        send.put(CostCenterValues.CODE, code);
        send.putAll(CostCenterValues.wanted(project, Map.of(), closeDate));
        return new ProjectDryRun(division, null, code, true, send);
    }

    private ProjectDivisionOutcome update(ExactTarget target, ProjectUpserted project, MappingRecord mapping,
            LocalDate closeDate, Instant occurredAt) {
        Map<String, String> last = mapping.sentValues();
        Map<String, String> wanted = versioned(CostCenterValues.wanted(project, last, closeDate), occurredAt);
        Map<String, String> changes = CostCenterValues.changes(wanted, last);
        ProjectResult result = new ProjectResult(target.division(), mapping.exactId(), mapping.exactCode());
        if (changes.isEmpty()) {
            if (occurredAt != null && !wanted.equals(last)) {
                // Nothing for Exact, but a newer version is now the one applied: an older one must not win later.
                swap(mapping.key(), mapping.version(), new MappingChange(mapping.exactId(), mapping.exactCode(), null,
                        wanted));
            }
            return new ProjectDivisionOutcome.Synced(result);
        }
        try {
            exact.updateCostCenter(target, UUID.fromString(mapping.exactId()),
                    CostCenterFields.fromValues(changes));
        } catch (ExactNotFoundException gone) {
            return new ProjectDivisionOutcome.CostCenterGone(target.division(), mapping.exactId());
        }
        try {
            swap(mapping.key(), mapping.version(), new MappingChange(mapping.exactId(), mapping.exactCode(), null,
                    wanted));
        } catch (ProjectMappingRaceException lost) {
            restoreNewer(target, mapping, occurredAt, changes.keySet());
            throw lost;
        }
        LOG.infof("project %s: cost center %s updated in division %d (%s)", project.id(), mapping.exactCode(),
                target.division(), changes.keySet());
        synced(target, project, result);
        return new ProjectDivisionOutcome.Synced(result);
    }

    private ProjectDivisionOutcome create(ExactTarget target, ProjectUpserted project, Optional<MappingRecord> claim,
            LocalDate closeDate, Instant occurredAt) {
        MappingKey key = key(target.tenant(), target.division(), project);
        if (claim.isPresent()) {
            claim = Optional.of(takeOver(key, claim.get()));
        }
        List<String> candidates = CostCenterCodes.candidates(project.number(), CANDIDATES);
        String claimedCode = claim.map(MappingRecord::exactCode).orElse(null);
        List<String> lookup = new ArrayList<>(candidates);
        if (claimedCode != null && !lookup.contains(claimedCode)) {
            lookup.add(claimedCode);
        }
        Map<String, CostCenter> taken = existing(target, lookup);
        Map<String, String> wanted = versioned(CostCenterValues.wanted(project, Map.of(), closeDate), occurredAt);

        CostCenter lost = claimedCode == null ? null : taken.get(upper(claimedCode));
        if (lost != null && isOurLostPost(target, project, lost)) {
            // An earlier attempt's POST reached Exact but its answer did not reach us: adopt, never post twice.
            Map<String, String> current = values(lost);
            Map<String, String> changes = CostCenterValues.changes(wanted, current);
            if (!changes.isEmpty()) {
                exact.updateCostCenter(target, lost.id(), CostCenterFields.fromValues(changes));
            }
            return linked(target, project, key, claim.get().version(), lost.id().toString(), claimedCode,
                    wanted);
        }
        Optional<String> free = candidates.stream().filter(code -> !taken.containsKey(upper(code))).findFirst();
        if (free.isEmpty()) {
            return new ProjectDivisionOutcome.NoFreeCode(target.division(), candidates.get(0));
        }
        String code = free.get();
        long claimed = claim(key, claim, code);
        Map<String, String> posted = new LinkedHashMap<>();
        posted.put(CostCenterValues.CODE, code);
        posted.putAll(wanted);
        posted.remove(APPLIED_VERSION_AT);
        CostCenter created;
        try {
            created = exact.createCostCenter(target, CostCenterFields.fromValues(posted));
        } catch (ExactValidationException rejected) {
            if (!existing(target, List.of(code)).isEmpty()) {
                // Another project took the code between our GET and POST (no other delivery of this project can:
                // the claim's lease keeps them waiting): forget it; the replay picks the next one.
                swap(key, claimed, new MappingChange(null, null, null, Map.of(CLAIM_RELEASED, "true")));
                throw new ProjectMappingRaceException("cost center code for project " + project.id()
                        + " was taken concurrently in division " + target.division());
            }
            release(key, claimed, code);
            throw rejected;
        } catch (RuntimeException failed) {
            release(key, claimed, code);
            throw failed;
        }
        LOG.infof("project %s: cost center %s created in division %d", project.id(), code, target.division());
        return linked(target, project, key, claimed, created.id().toString(), code, wanted);
    }

    private ProjectDivisionOutcome linked(ExactTarget target, ProjectUpserted project, MappingKey key, long version,
            String exactId, String code, Map<String, String> sent) {
        swap(key, version, new MappingChange(exactId, code, null, sent));
        ProjectResult result = new ProjectResult(target.division(), exactId, code);
        synced(target, project, result);
        return new ProjectDivisionOutcome.Synced(result);
    }

    /**
     * True when no other project of the division holds {@code row}'s code, mapped or claimed: then it is what our own
     * earlier POST left. A claimed code of another project means that project's POST may have made it.
     */
    private boolean isOurLostPost(ExactTarget target, ProjectUpserted project, CostCenter row) {
        String code = row.code();
        String id = row.id().toString();
        return mappings.findAll(target.tenant(), target.division(), EntityKind.PROJECT).stream()
                .filter(m -> !m.key().crmId().equals(project.id()))
                .noneMatch(m -> id.equals(m.exactId())
                        || (m.exactCode() != null && m.exactCode().equalsIgnoreCase(code)));
    }

    /** The division's cost centers using any of {@code codes}, by upper-case trimmed code: one GET. */
    private Map<String, CostCenter> existing(ExactTarget target, List<String> codes) {
        Map<String, CostCenter> byCode = new LinkedHashMap<>();
        exact.costCentersByCode(target, codes).forEach(found -> byCode.put(upper(found.code()), found));
        return byCode;
    }

    /**
     * A stored claim within its lease, not released, belongs to a worker whose POST may be in flight: another delivery
     * of the project must wait, or it would miss that cost center in its look-up, find the code "taken" once the POST
     * lands, and create a second cost center under the next code (found by the reliability soak). An older or released
     * claim is taken over by one conditional write before the look-up.
     */
    private MappingRecord takeOver(MappingKey key, MappingRecord claim) {
        boolean released = "true".equals(claim.sentValues().get(CLAIM_RELEASED));
        if (!released && claim.updatedAt() != null && claim.updatedAt().plus(CLAIM_LEASE).isAfter(clock.instant())) {
            throw new ProjectMappingRaceException("project " + key.crmId() + " is being created by another worker "
                    + "in division " + key.division());
        }
        return swap(key, claim.version(), new MappingChange(null, claim.exactCode(), null, Map.of()));
    }

    /** After a handled POST failure: the claim (with its code) is given up so the replay need not wait the lease. */
    private void release(MappingKey key, long claimed, String code) {
        try {
            mappings.compareAndSwap(key, claimed, new MappingChange(null, code, null, Map.of(CLAIM_RELEASED, "true")));
        } catch (RuntimeException storeDown) {
            // The lease runs out instead.
        }
    }

    private long claim(MappingKey key, Optional<MappingRecord> claim, String code) {
        MappingChange change = new MappingChange(null, code, null, Map.of());
        if (claim.isPresent()) {
            return swap(key, claim.get().version(), change).version();
        }
        MappingStore.Creation creation = mappings.createIfAbsent(key, change);
        if (!creation.created()) {
            throw new ProjectMappingRaceException("project " + key.crmId() + " is being created by another worker "
                    + "in division " + key.division());
        }
        return creation.record().version();
    }

    private MappingRecord swap(MappingKey key, long version, MappingChange change) {
        return mappings.compareAndSwap(key, version, change).orElseThrow(() -> new ProjectMappingRaceException(
                "project " + key.crmId() + " mapping changed concurrently in division " + key.division()));
    }

    private void synced(ExactTarget target, ProjectUpserted project, ProjectResult result) {
        callbacks.send(target.tenant(), entityKey(project.id()), "project.synced", new ProjectSynced(project.id(),
                target.division(), result.code(), result.exactId(), project.isActive()));
    }

    private static Map<String, String> values(CostCenter row) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(CostCenterValues.DESCRIPTION, row.description());
        LocalDate end = row.endDate();
        if (end != null) {
            values.put(CostCenterValues.END_DATE, end.toString());
        }
        return values;
    }

    private static Map<String, String> nullsAsEmpty(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v == null ? "" : v));
        return out;
    }

    private static String upper(String code) {
        return code == null ? "" : code.toUpperCase(Locale.ROOT);
    }

    static MappingKey key(String tenant, int division, ProjectUpserted project) {
        return new MappingKey(tenant, division, EntityKind.PROJECT, project.id());
    }

    static String entityKey(String projectId) {
        return "project:" + projectId;
    }
}
