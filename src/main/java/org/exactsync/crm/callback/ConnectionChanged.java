package org.exactsync.crm.callback;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code data} of the {@code connection.changed} callback: a consent by another Exact user or on another site
 * re-pointed the tenant's connection, so the connector put it in dry run with no division selected until the
 * operator confirms the divisions and goes live again. Codes only, no user names.
 *
 * @param reason            {@code other-user} or {@code other-site}
 * @param mode              the mode now: always {@code dry-run}
 * @param divisions         the divisions now selected: always empty
 * @param previousDivisions the divisions selected before the consent
 * @param available         the active divisions the new user may open
 */
@RegisterForReflection
public record ConnectionChanged(String reason, String mode, List<Integer> divisions, List<Integer> previousDivisions,
        List<Integer> available) {

    /** The callback's type. */
    public static final String TYPE = "connection.changed";

    /** The callback ordering key: one queue for the tenant's connection. */
    public static final String ENTITY = "connection";
}
