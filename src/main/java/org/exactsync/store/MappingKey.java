package org.exactsync.store;

/**
 * Identifies a CRM entity in one Exact division. Every Exact record is division-local with its own GUID, so one CRM
 * relation fanned out to two divisions has two mappings (docs/exact-reference.md §7.3).
 */
public record MappingKey(String tenant, int division, EntityKind kind, String crmId) {
}
