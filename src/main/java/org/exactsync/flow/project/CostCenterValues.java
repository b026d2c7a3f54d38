package org.exactsync.flow.project;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.exactsync.exact.model.CostCenterFields;
import org.exactsync.mapping.ProjectUpserted;

/**
 * The cost center fields a project manages, as strings so they can be compared with (and stored as) what was last
 * sent: {@code Description}, and {@code EndDate} (ISO date) only while the project is closed. {@code Code} is sent
 * once, on POST: Exact changes it only through its recode function (docs/exact-reference.md §5.10).
 *
 * <p>Closing uses {@code EndDate} alone: Exact documents it for POST and PUT, while {@code Active} may no longer be
 * exposed (§5.10, UNCONFIRMED), and an unknown property could fail the write.
 */
final class CostCenterValues {

    static final String CODE = CostCenterFields.CODE;
    static final String DESCRIPTION = CostCenterFields.DESCRIPTION;
    static final String END_DATE = CostCenterFields.END_DATE;

    private CostCenterValues() {
    }

    /**
     * What the cost center should hold. A closed project keeps the end date it was first closed with (a re-sent
     * {@code active: false} must not move it); {@code closeDate} is used only when it closes now.
     */
    static Map<String, String> wanted(ProjectUpserted project, Map<String, String> lastSent, LocalDate closeDate) {
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put(DESCRIPTION, project.description());
        if (!project.isActive()) {
            wanted.put(END_DATE, lastSent.getOrDefault(END_DATE, closeDate.toString()));
        }
        return wanted;
    }

    /** The managed fields whose wanted value differs from {@code from}; a null value clears the field. */
    static Map<String, String> changes(Map<String, String> wanted, Map<String, String> from) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (String field : new String[] {DESCRIPTION, END_DATE}) {
            if (!Objects.equals(wanted.get(field), from.get(field))) {
                changes.put(field, wanted.get(field));
            }
        }
        return changes;
    }
}
