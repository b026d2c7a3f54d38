package org.exactsync.crm.inbound;

import java.util.Map;
import java.util.Optional;

/** The contract's inbound routes and the event type each takes (API Gateway in the cloud, the same paths locally). */
public final class CrmRoutes {

    private static final Map<String, String> TYPE_BY_PATH = Map.of(
            "/crm/relations", "relation.upserted",
            "/crm/invoices", "invoice.created",
            "/crm/projects", "project.upserted");

    private CrmRoutes() {
    }

    /** The event type a route takes, or empty for a path the contract does not define. */
    public static Optional<String> typeOf(String path) {
        if (path == null) {
            return Optional.empty();
        }
        String normalised = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return Optional.ofNullable(TYPE_BY_PATH.get(normalised));
    }

    /** Every route with its event type. */
    public static Map<String, String> all() {
        return TYPE_BY_PATH;
    }
}
