package org.exactsync.crm;

import java.util.Locale;

/** What a flow does when Exact holds data a bookkeeper changed since the connector last wrote it. */
public enum ConflictPolicy {
    /** Leave Exact as it is and send a conflict callback naming each field with both values (the default). */
    REPORT,
    /** Overwrite Exact with the CRM's values. */
    CRM_WINS;

    /** Parses the configured form ({@code report}, {@code crm-wins}). */
    public static ConflictPolicy parse(String configured) {
        String normalised = configured.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return valueOf(normalised);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown conflict policy '" + configured
                    + "', expected report or crm-wins", unknown);
        }
    }
}
