package org.exactsync.flow.project;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.crm.callback.Callbacks;
import org.exactsync.exact.ExactNotFoundException;
import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.ExactValidationException;
import org.exactsync.exact.model.CostCenter;
import org.exactsync.exact.model.CostCenterFields;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.write.OrderedWrites;
import org.exactsync.flow.write.Recorded;
import org.exactsync.flow.write.WriteRaceException;
import org.exactsync.mapping.CostCenterCodes;
import org.exactsync.mapping.ProjectUpserted;
import org.exactsync.store.EntityKind;
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

    private final ExactOnline exact;
    private final MappingStore mappings;
    private final Callbacks callbacks;
    private final OrderedWrites writes;

    public ProjectDivisionSync(ExactOnline exact, MappingStore mappings, Callbacks callbacks, Clock clock) {
        this.exact = exact;
        this.mappings = mappings;
        this.callbacks = callbacks;
        this.writes = new OrderedWrites(mappings, clock);
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
        Optional<MappingRecord> stored = writes.find(key);
        if (stored.isPresent() && stored.get().exactId() != null) {
            MappingRecord mapping = writes.ready(stored.get(), (ready, fields) -> putBack(target, ready, fields));
            if (OrderedWrites.olderThanApplied(mapping, occurredAt)) {
                LOG.infof("project %s: an event from %s is older than the version applied in division %d; ignored",
                        project.id(), occurredAt, target.division());
                return new ProjectDivisionOutcome.Synced(new ProjectResult(target.division(), mapping.exactId(),
                        mapping.exactCode()));
            }
            return update(target, project, mapping, closeDate, occurredAt);
        }
        return create(target, project, stored, closeDate, occurredAt);
    }

    /** Puts cost center fields back to the values the mapping recorded (unsettled after an unfinished write). */
    private void putBack(ExactTarget target, MappingRecord mapping, Set<String> fields) {
        Map<String, String> restore = new LinkedHashMap<>();
        fields.forEach(field -> restore.put(field, mapping.sentValues().get(field)));
        exact.updateCostCenter(target, UUID.fromString(mapping.exactId()), CostCenterFields.fromValues(restore));
        LOG.infof("project %s: fields %s put back to the applied version in division %d", mapping.key().crmId(),
                fields, mapping.key().division());
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
        Map<String, String> wanted = CostCenterValues.wanted(project, last, closeDate);
        Map<String, String> changes = CostCenterValues.changes(wanted, last);
        ProjectResult result = new ProjectResult(target.division(), mapping.exactId(), mapping.exactCode());
        Recorded recorded = new Recorded(mapping.exactId(), mapping.exactCode(), wanted, List.of());
        if (changes.isEmpty()) {
            if (occurredAt != null && !occurredAt.equals(mapping.write().appliedAt())) {
                // Nothing for Exact, but a newer version is now the one applied: an older one must not win later.
                writes.commit(mapping, recorded, occurredAt);
            }
            return new ProjectDivisionOutcome.Synced(result);
        }
        MappingRecord claim = writes.begin(mapping, null, changes.keySet());
        try {
            exact.updateCostCenter(target, UUID.fromString(mapping.exactId()),
                    CostCenterFields.fromValues(changes));
        } catch (ExactNotFoundException gone) {
            writes.release(claim);
            return new ProjectDivisionOutcome.CostCenterGone(target.division(), mapping.exactId());
        } catch (RuntimeException failed) {
            writes.release(claim);
            throw failed;
        }
        writes.commit(claim, recorded, occurredAt);
        LOG.infof("project %s: cost center %s updated in division %d (%s)", project.id(), mapping.exactCode(),
                target.division(), changes.keySet());
        synced(target, project, result);
        return new ProjectDivisionOutcome.Synced(result);
    }

    /**
     * A project not mapped yet. A stored claim within its lease belongs to a worker whose POST may be in flight:
     * another delivery must wait, or it would miss that cost center in its look-up, find the code "taken" once the
     * POST lands, and create a second cost center under the next code (found by the reliability soak); an older or
     * released claim is taken over (with its code) before the look-up.
     */
    private ProjectDivisionOutcome create(ExactTarget target, ProjectUpserted project, Optional<MappingRecord> claim,
            LocalDate closeDate, Instant occurredAt) {
        MappingKey key = key(target.tenant(), target.division(), project);
        if (claim.isPresent()) {
            claim = Optional.of(writes.takeOver(claim.get(), null, null));
        }
        List<String> candidates = CostCenterCodes.candidates(project.number(), CANDIDATES);
        String claimedCode = claim.map(MappingRecord::exactCode).orElse(null);
        List<String> lookup = new ArrayList<>(candidates);
        if (claimedCode != null && !lookup.contains(claimedCode)) {
            lookup.add(claimedCode);
        }
        Map<String, CostCenter> taken = existing(target, lookup);
        Map<String, String> wanted = CostCenterValues.wanted(project, Map.of(), closeDate);

        CostCenter lost = claimedCode == null ? null : taken.get(upper(claimedCode));
        if (lost != null && isOurLostPost(target, project, lost)) {
            // An earlier attempt's POST reached Exact but its answer did not reach us: adopt, never post twice.
            Map<String, String> changes = CostCenterValues.changes(wanted, values(lost));
            if (!changes.isEmpty()) {
                try {
                    exact.updateCostCenter(target, lost.id(), CostCenterFields.fromValues(changes));
                } catch (RuntimeException failed) {
                    writes.release(claim.get());
                    throw failed;
                }
            }
            return linked(target, project, claim.get(), lost.id().toString(), claimedCode, wanted, occurredAt);
        }
        Optional<String> free = candidates.stream().filter(code -> !taken.containsKey(upper(code))).findFirst();
        if (free.isEmpty()) {
            return new ProjectDivisionOutcome.NoFreeCode(target.division(), candidates.get(0));
        }
        String code = free.get();
        Map<String, String> posted = new LinkedHashMap<>();
        posted.put(CostCenterValues.CODE, code);
        posted.putAll(wanted);
        MappingRecord claimed = writes.claim(key, claim, null, code, Map.of());
        CostCenter created;
        try {
            created = exact.createCostCenter(target, CostCenterFields.fromValues(posted));
        } catch (ExactValidationException rejected) {
            if (!existing(target, List.of(code)).isEmpty()) {
                // Another project took the code between our GET and POST (no other delivery of this project can:
                // the claim's lease keeps them waiting): forget it; the replay picks the next one.
                writes.release(writes.claim(key, Optional.of(claimed), null, null, Map.of()));
                throw new WriteRaceException("cost center code for project " + project.id()
                        + " was taken concurrently in division " + target.division());
            }
            writes.release(claimed);
            throw rejected;
        } catch (RuntimeException failed) {
            writes.release(claimed);
            throw failed;
        }
        LOG.infof("project %s: cost center %s created in division %d", project.id(), code, target.division());
        return linked(target, project, claimed, created.id().toString(), code, wanted, occurredAt);
    }

    private ProjectDivisionOutcome linked(ExactTarget target, ProjectUpserted project, MappingRecord claim,
            String exactId, String code, Map<String, String> sent, Instant occurredAt) {
        writes.commit(claim, new Recorded(exactId, code, sent, List.of()), occurredAt);
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
