package org.exactsync.sandbox.odata;

import java.util.UUID;
import org.exactsync.sandbox.ExactFault;
import org.exactsync.sandbox.KeyKind;

/**
 * The literal form of a key in {@code Entity(key)} segments, {@code __metadata.uri} and {@code $skiptoken}
 * (docs/exact-reference.md §1.2, §1.4: {@code guid'…'}, {@code '…'}, {@code 123}, {@code 123L}).
 */
public final class KeyLiterals {

    private KeyLiterals() {
    }

    /** Renders a row's key value as its OData literal. */
    public static String format(KeyKind kind, Object key) {
        return switch (kind) {
            case GUID -> "guid'" + key + "'";
            case STRING -> "'" + key.toString().replace("'", "''") + "'";
            case INT32 -> key.toString();
            case INT64 -> key + "L";
        };
    }

    /** Parses a literal of the endpoint's key kind; any other form is a 400. */
    public static Object parse(KeyKind kind, String literal) {
        String text = literal.trim();
        try {
            return switch (kind) {
                case GUID -> {
                    if (!text.startsWith("guid'") || !text.endsWith("'") || text.length() != 42) {
                        throw new IllegalArgumentException(text);
                    }
                    yield UUID.fromString(text.substring(5, text.length() - 1));
                }
                case STRING -> {
                    if (text.length() < 2 || !text.startsWith("'") || !text.endsWith("'")) {
                        throw new IllegalArgumentException(text);
                    }
                    yield text.substring(1, text.length() - 1).replace("''", "'");
                }
                case INT32 -> Integer.parseInt(text);
                case INT64 -> {
                    if (!text.endsWith("L")) {
                        throw new IllegalArgumentException(text);
                    }
                    yield Long.parseLong(text.substring(0, text.length() - 1));
                }
            };
        } catch (IllegalArgumentException e) {
            throw ExactFault.badRequest("Bad Request - Error in query syntax: key literal " + text + " is not a valid "
                    + kind.name().toLowerCase() + " key.");
        }
    }
}
