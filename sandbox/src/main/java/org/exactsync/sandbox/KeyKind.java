package org.exactsync.sandbox;

/** The OData type of an entity's key, which decides the literal in {@code Entity(key)} and in {@code $skiptoken}. */
public enum KeyKind {
    /** {@code guid'…'}; row value is a {@link java.util.UUID}. */
    GUID,
    /** {@code '…'}; row value is a {@link String}. */
    STRING,
    /** bare digits; row value is an {@link Integer}. */
    INT32,
    /** digits with an {@code L} suffix; row value is a {@link Long}. */
    INT64
}
