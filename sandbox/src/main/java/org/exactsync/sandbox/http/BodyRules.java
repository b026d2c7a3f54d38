package org.exactsync.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exactsync.sandbox.EntitySet;
import org.exactsync.sandbox.ExactFault;

/**
 * What Exact's OData layer checks in a POST or PUT body before any business rule (docs/exact-reference.md §1.7, §1.8): the
 * body must be JSON ({@code Content-Type: application/json}), and every property must exist on the entity's type,
 * embedded collections (an entry's lines) included. A misspelt name is refused with 400 naming it, never ignored;
 * properties that exist but are read-only stay ignored (unconfirmed either way).
 */
final class BodyRules {

    private final Map<String, EntitySet> sets;

    BodyRules(Map<String, EntitySet> sets) {
        this.sets = sets;
    }

    /** 415 unless the request declares a JSON body. */
    static void requireJson(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new ExactFault(415, "Unsupported media type: " + (type == null ? "no Content-Type" : type)
                    + ". Send the body as application/json.");
        }
    }

    /** 400 naming the first property the entity (or an embedded line) does not have. */
    @SuppressWarnings("unchecked")
    void requireKnownProperties(EntitySet set, Map<String, Object> body) {
        if (set.properties().isEmpty()) {
            return;
        }
        for (Map.Entry<String, Object> field : body.entrySet()) {
            String name = field.getKey();
            if (name.startsWith("__")) {
                // OData's own annotations (__metadata) are allowed in a body.
                continue;
            }
            if (!set.properties().contains(name)) {
                throw ExactFault.badRequest("The property '" + name + "' does not exist on type '"
                        + set.spec().metadataType() + "'. Make sure to only use property names that are defined by"
                        + " the type.");
            }
            EntitySet embedded = embedded(set, name);
            if (embedded != null && field.getValue() instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> line) {
                        requireKnownProperties(embedded, (Map<String, Object>) line);
                    }
                }
            }
        }
    }

    /** The entity set of an embedded collection: {@code salesentry/SalesEntryLines} for a sales entry's lines. */
    private EntitySet embedded(EntitySet set, String property) {
        String path = set.spec().path();
        int slash = path.lastIndexOf('/');
        return slash < 0 ? null : sets.get(path.substring(0, slash + 1) + property);
    }
}
