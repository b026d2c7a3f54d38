package org.exactsync.store.dynamodb;

import org.exactsync.exact.port.BudgetKey;
import org.exactsync.store.CursorKey;
import org.exactsync.store.EntityKind;
import org.exactsync.store.EventStatus;
import org.exactsync.store.MappingKey;
import org.exactsync.exact.port.TokenKey;

/**
 * Builds every key of the table. Components are joined with {@code #}; ids come from the CRM and Exact and may contain
 * anything, so {@code %} and {@code #} inside a component are percent-escaped. That keeps keys injective: no two
 * different (tenant, id) pairs can produce the same key, whatever the ids contain.
 */
final class Keys {

    static final String CONNECTION_SK = "CONN";
    static final String EVENT_SK = "EVENT";
    static final String ALL_CONNECTIONS = "CONNS";
    /** The per-queue sequence counter; sorts apart from the {@code CB#} items it numbers. */
    static final String CALLBACK_SEQUENCE_SK = "CBSEQ";
    /** The divisions found at the tenant's last consent, beside its connection. */
    static final String DISCOVERED_DIVISIONS_SK = "DIVS";
    /** The division's ledger mapping (one item per tenant and division). */
    static final String LEDGER_SK = "LEDGER";

    private Keys() {
    }

    static String part(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new IllegalArgumentException("key component must not be empty");
        }
        if (raw.indexOf('#') < 0 && raw.indexOf('%') < 0) {
            return raw;
        }
        return raw.replace("%", "%25").replace("#", "%23");
    }

    static String tenant(String tenant) {
        return "T#" + part(tenant);
    }

    static String division(String tenant, int division) {
        return tenant(tenant) + "#D#" + division;
    }

    static String tokenSk(TokenKey key) {
        return "TOKEN#" + part(key.site()) + "#" + part(key.exactUser());
    }

    static String mappingSk(EntityKind kind, String crmId) {
        return mappingKindPrefix(kind) + part(crmId);
    }

    static String mappingKindPrefix(EntityKind kind) {
        return "MAP#" + kind.name() + "#";
    }

    static String mappingByExactId(String tenant, int division, EntityKind kind, String exactId) {
        return division(tenant, division) + "#XID#" + kind.name() + "#" + part(exactId);
    }

    static String mappingSk(MappingKey key) {
        return mappingSk(key.kind(), key.crmId());
    }

    static String cacheSk(String name) {
        return "CACHE#" + part(name);
    }

    static String cursorSk(CursorKey key) {
        return "CURSOR#" + part(key.feed());
    }

    static String event(String tenant, String eventId) {
        return tenant(tenant) + "#E#" + part(eventId);
    }

    static String tenantEventsByStatus(String tenant, EventStatus status) {
        return tenant(tenant) + "#ES#" + status.name();
    }

    static String backlog(EventStatus status, int shard) {
        return "ES#" + status.name() + "#S" + shard;
    }

    /** The round lease of a fanned-out schedule. */
    static final String ROUND_SK = "ROUND";

    static String round(String schedule) {
        return "ROUND#" + part(schedule);
    }

    /** A work item's last claimed round, in its division's (or tenant's) partition. */
    static String roundItemSk(String schedule) {
        return "ROUND#" + part(schedule);
    }

    /** The lane item of a (tenant, division): drain lease and backlog marker. */
    static final String DRAIN_SK = "DRAIN";

    /**
     * The sweep that puts events claimed before lanes existed into their lanes: one item for the deployment (events
     * of every tenant are swept together, like the backlog index they are read from).
     */
    static final String LANELESS_SWEEP_PK = "SWEEP#LANELESS";
    static final String LANELESS_SWEEP_SK = "SWEEP";

    /** A lane's open events (gsi3 partition). */
    static String laneEvents(String tenant, int division) {
        return division(tenant, division) + "#EV";
    }

    /** Lanes that may have backlog (gsi2 partition), sharded like the event backlog. */
    static String backlogLanes(int shard) {
        return "DRAIN#S" + shard;
    }

    /** Spreads lanes over the backlog-lane shards; stable for one lane. */
    static int laneShard(String tenant, int division) {
        return Math.floorMod((tenant + "\u0000" + division).hashCode(), TableLayout.BACKLOG_SHARDS);
    }

    /** Spreads a tenant's events over the backlog shards; stable for one event. */
    static int shard(String tenant, String eventId) {
        return Math.floorMod((tenant + "\u0000" + eventId).hashCode(), TableLayout.BACKLOG_SHARDS);
    }

    /** Sort key that orders by acceptance time (zero-padded epoch millis sort as text), then by id. */
    static String age(long acceptedAtMillis, String suffix) {
        return String.format("%015d", acceptedAtMillis) + "#" + suffix;
    }

    /** One outbound callback queue per (tenant, CRM entity). */
    static String callbackQueue(String tenant, String entityKey) {
        return tenant(tenant) + "#CB#" + part(entityKey);
    }

    /** Queue position; zero-padded so the sort key orders as the sequence does. */
    static String callbackSk(long sequence) {
        return "CB#" + String.format("%012d", sequence);
    }

    /** Due callbacks of every tenant, sharded like the event backlog. */
    static String callbacksDue(int shard) {
        return "CB#DUE#S" + shard;
    }

    /** Spreads callback queues over the due-index shards; stable for one queue. */
    static int callbackShard(String tenant, String entityKey) {
        return Math.floorMod((tenant + "\u0000" + entityKey).hashCode(), TableLayout.BACKLOG_SHARDS);
    }

    /** A pending OAuth consent, in its tenant's partition. */
    static String connectStateSk(String nonce) {
        return "OAUTH#" + part(nonce);
    }

    /** A signed admin write remembered for the signature window, in its tenant's partition. */
    static String signedRequestSk(String digest) {
        return "SIGNED#" + part(digest);
    }

    /** An operator console session, in its tenant's partition. */
    static String consoleSessionSk(String digest) {
        return "CONSOLE#" + part(digest);
    }

    /** The tenant's audit trail: one partition, entries ordered by time. */
    static String audit(String tenant) {
        return tenant(tenant) + "#AUDIT";
    }

    /** Prefix every partition key of a tenant starts with, besides {@link #tenant(String)} itself. */
    static String tenantPrefix(String tenant) {
        return tenant(tenant) + "#";
    }

    /** A bulk upload's partition: its head ({@link #UPLOAD_HEAD_SK}) and one item per part. */
    static String upload(String tenant, String uploadId) {
        return tenant(tenant) + "#UP#" + part(uploadId);
    }

    static final String UPLOAD_HEAD_SK = "HEAD";

    /** A part of an upload; zero-padded so parts sort by number. */
    static String uploadPartSk(int part) {
        return "P#" + String.format("%05d", part);
    }

    static String budget(BudgetKey key) {
        return "B#" + part(key.clientId()) + "#D#" + key.division();
    }

    static String budgetWindow(String window) {
        return "W#" + part(window);
    }
}
