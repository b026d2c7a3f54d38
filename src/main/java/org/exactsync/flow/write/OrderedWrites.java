package org.exactsync.flow.write;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingRecord;
import org.exactsync.store.MappingStore;
import org.exactsync.store.WriteState;

/**
 * The one claim/write protocol around Exact writes of a mapped entity (relation, contact, project, invoice): every
 * POST or PUT happens under a claim in the entity's mapping, so writes of one entity are ordered and an older CRM
 * version can never land in Exact after a newer one. Each step is one single-item conditional write (dynalite has no
 * transactions); losing a race is a {@link WriteRaceException} before anything is sent to Exact, so the event waits
 * and its replay sees the winner's result.
 * <ol>
 * <li>{@link #ready}: a live claim of another worker means a write is in flight (race); fields an earlier write may
 * have left changed in Exact without recording ({@link WriteState#unsettled()}) are put back first
 * ({@link #settle}).</li>
 * <li>{@link #olderThanApplied}: a version older than the applied one is ignored.</li>
 * <li>Create: {@link #claim} (a mapping without Exact id, with the values about to be POSTed), POST,
 * {@link #commit}. Exact has no idempotency key (docs/exact-reference.md §8.4): a claim found later whose lease ended
 * is {@link #takeOver taken over}, and the taker looks up what the earlier POST may have created before posting.</li>
 * <li>Update: {@link #begin} (claims the mapping and marks the fields as unsettled), PUT, {@link #commit} (records the
 * values and the applied version, clears the claim). A worker that dies between PUT and commit leaves its fields
 * unsettled; the next write, of any version, puts them right.</li>
 * <li>A handled failure of the POST or PUT {@link #release releases} the claim at once (its fields stay unsettled:
 * the answer may have been lost after Exact applied it).</li>
 * </ol>
 * The state lives in {@link WriteState}, stored as attributes of its own, never in the Exact values.
 */
public final class OrderedWrites {

    /**
     * How long a claim belongs to the worker that made it: far longer than one attempt (a POST or PUT is never
     * retried blindly, so one attempt is bounded by the client's timeout); a younger claim may have its call in flight.
     */
    public static final Duration LEASE = Duration.ofMinutes(5);

    private final MappingStore mappings;
    private final Clock clock;

    public OrderedWrites(MappingStore mappings, Clock clock) {
        this.mappings = mappings;
        this.clock = clock;
    }

    /** The mapping (strongly consistent read). */
    public Optional<MappingRecord> find(MappingKey key) {
        return mappings.find(key);
    }

    /** True when the version from {@code versionAt} is older than the one applied; an unknown time is never older. */
    public static boolean olderThanApplied(MappingRecord mapping, Instant versionAt) {
        Instant applied = mapping.write().appliedAt();
        return versionAt != null && applied != null && applied.isAfter(versionAt);
    }

    /** Whether the mapping's claim is still within its lease (a mapping without Exact id or lease: since its write). */
    public boolean leased(MappingRecord mapping) {
        Instant until = mapping.write().leaseUntil();
        if (until == null && mapping.exactId() == null && mapping.updatedAt() != null) {
            // A claim written without a lease (an item from before the typed state) counts from its write.
            until = mapping.updatedAt().plus(LEASE);
        }
        return until != null && until.isAfter(clock.instant());
    }

    /**
     * A mapped entity ready for a write: a live claim belongs to a worker whose POST or PUT may be in flight (race);
     * unsettled fields are put back first. Returns the mapping to write from.
     */
    public MappingRecord ready(MappingRecord mapping, FieldWriter writer) {
        if (leased(mapping)) {
            throw race(mapping.key(), "is being written by " + holderOf(mapping));
        }
        return settle(mapping, writer);
    }

    /**
     * Puts fields an earlier write may have left changed in Exact back to the values recorded, under a claim, then
     * records them settled. A put that fails leaves them unsettled for the next attempt of any event of the entity.
     */
    public MappingRecord settle(MappingRecord mapping, FieldWriter writer) {
        Set<String> unsettled = mapping.write().unsettled();
        if (unsettled.isEmpty() || mapping.exactId() == null) {
            return mapping;
        }
        MappingRecord claim = begin(mapping, null, Set.of());
        try {
            writer.putBack(claim, unsettled);
        } catch (RuntimeException failed) {
            release(claim);
            throw failed;
        }
        return commit(claim, new Recorded(claim.exactId(), claim.exactCode(), claim.sentValues(),
                claim.memberIds()), null);
    }

    /**
     * Takes a stored claim without Exact id over before looking for what its attempt may have created: within its
     * lease it belongs to a worker that may be POSTing right now (race). Keeps the claim's values (what it was about
     * to POST) and code; {@code values} replace them when not null.
     */
    public MappingRecord takeOver(MappingRecord claim, String holder, Map<String, String> values) {
        if (leased(claim)) {
            throw race(claim.key(), "is being created by " + holderOf(claim));
        }
        return swap(claim, new MappingChange(null, claim.exactCode(), null,
                values == null ? claim.sentValues() : values, lease(claim, holder, Set.of()), claim.memberIds()));
    }

    /**
     * Claims the entity before a POST, recording the values posted and the code chosen: creates the claim, or
     * re-writes the one this worker took over ({@code stored}). Returns the claim.
     */
    public MappingRecord claim(MappingKey key, Optional<MappingRecord> stored, String holder, String code,
            Map<String, String> posting) {
        if (stored.isPresent()) {
            MappingRecord ours = stored.get();
            return swap(ours, new MappingChange(null, code, null, posting, lease(ours, holder, Set.of()),
                    ours.memberIds()));
        }
        MappingStore.Creation creation = mappings.createIfAbsent(key, new MappingChange(null, code, null, posting,
                new WriteState(holder, clock.instant().plus(LEASE), null, Set.of()), null));
        if (!creation.created()) {
            throw race(key, "is being created by " + holderOf(creation.record()));
        }
        return creation.record();
    }

    /**
     * Claims a mapped entity before a PUT of {@code fields}: one conditional write from the version read, which the
     * caller checked ({@link #ready}, {@link #olderThanApplied}); the fields are unsettled until {@link #commit}.
     */
    public MappingRecord begin(MappingRecord mapping, String holder, Set<String> fields) {
        return swap(mapping, new MappingChange(mapping.exactId(), mapping.exactCode(), mapping.sentHash(),
                mapping.sentValues(), lease(mapping, holder, fields), mapping.memberIds()));
    }

    /**
     * Records a finished write (or a new version that needed none): the Exact record and values, the applied version
     * ({@code versionAt}, kept when null), no claim, nothing unsettled. When the claim was overtaken meanwhile (a
     * worker stalled past its lease), its fields are marked unsettled in the winner's mapping, so the next write puts
     * them right, and the race is thrown.
     */
    public MappingRecord commit(MappingRecord mapping, Recorded recorded, Instant versionAt) {
        Instant applied = mapping.write().appliedAt();
        if (versionAt != null && (applied == null || versionAt.isAfter(applied))) {
            applied = versionAt;
        }
        MappingChange change = new MappingChange(recorded.exactId(), recorded.exactCode(), hash(recorded.values()),
                recorded.values(), new WriteState(null, null, applied, Set.of()), recorded.memberIds());
        Optional<MappingRecord> saved = mappings.compareAndSwap(mapping.key(), mapping.version(), change);
        if (saved.isEmpty()) {
            markUnsettled(mapping);
            throw race(mapping.key(), "was changed concurrently");
        }
        return saved.get();
    }

    /**
     * Gives a claim up after a handled failure of its POST or PUT, so the next attempt need not wait for the lease.
     * Best effort (a crash leaves the lease to run out); values and unsettled fields are kept: the call may have been
     * applied without its answer arriving.
     */
    public void release(MappingRecord claim) {
        try {
            WriteState held = claim.write();
            mappings.compareAndSwap(claim.key(), claim.version(), new MappingChange(claim.exactId(),
                    claim.exactCode(), claim.sentHash(), claim.sentValues(), new WriteState(held.holder(),
                            clock.instant(), held.appliedAt(), held.unsettled()), claim.memberIds()));
        } catch (RuntimeException storeDown) {
            // The lease runs out instead.
        }
    }

    /** Over the sorted values, so the same values always hash alike whatever the map order. */
    public static String hash(Map<String, String> values) {
        String canonical = new TreeMap<>(values).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is always available", impossible);
        }
    }

    /** Best effort, after our claim was overtaken: the fields we may have written are the winner's to put right. */
    private void markUnsettled(MappingRecord ours) {
        if (ours.write().unsettled().isEmpty() || ours.exactId() == null) {
            return;
        }
        try {
            mappings.find(ours.key()).filter(now -> ours.exactId().equals(now.exactId())).ifPresent(now -> {
                Set<String> fields = new TreeSet<>(now.write().unsettled());
                fields.addAll(ours.write().unsettled());
                WriteState state = now.write();
                mappings.compareAndSwap(now.key(), now.version(), new MappingChange(now.exactId(), now.exactCode(),
                        now.sentHash(), now.sentValues(), new WriteState(state.holder(), state.leaseUntil(),
                                state.appliedAt(), fields), now.memberIds()));
            });
        } catch (RuntimeException storeDown) {
            // Nothing more to do here: the race is thrown and the event is retried.
        }
    }

    private WriteState lease(MappingRecord from, String holder, Set<String> fields) {
        Set<String> unsettled = new TreeSet<>(from.write().unsettled());
        unsettled.addAll(fields);
        return new WriteState(holder, clock.instant().plus(LEASE), from.write().appliedAt(), unsettled);
    }

    private MappingRecord swap(MappingRecord from, MappingChange change) {
        return mappings.compareAndSwap(from.key(), from.version(), change)
                .orElseThrow(() -> race(from.key(), "was changed concurrently"));
    }

    private static String holderOf(MappingRecord mapping) {
        return mapping.write().holder() == null ? "another worker" : mapping.write().holder();
    }

    private static WriteRaceException race(MappingKey key, String what) {
        return new WriteRaceException(key.kind().name().toLowerCase(Locale.ROOT) + " " + key.crmId() + " "
                + what + " in division " + key.division());
    }
}
