package org.exactsync.exact.model;

import java.time.LocalDate;
import java.util.Map;
import org.exactsync.exact.odata.ExactFields;

/**
 * The cost center properties to send on create, or the changed ones for a partial update. Only what is set is sent;
 * a null value clears the property in Exact.
 */
public final class CostCenterFields {

    /** Exact's property names; the connector also keys its record of what it last sent by them. */
    public static final String CODE = "Code";
    public static final String DESCRIPTION = "Description";
    public static final String END_DATE = "EndDate";

    private final ExactFields fields;

    private CostCenterFields(ExactFields fields) {
        this.fields = fields;
    }

    public static CostCenterFields none() {
        return new CostCenterFields(ExactFields.empty());
    }

    /**
     * From values as the connector stores them (property name to text, {@link #END_DATE} as an ISO date or null):
     * each entry is sent as it is, the end date as a date.
     */
    public static CostCenterFields fromValues(Map<String, String> values) {
        ExactFields fields = ExactFields.empty();
        for (Map.Entry<String, String> e : values.entrySet()) {
            fields = END_DATE.equals(e.getKey())
                    ? fields.with(END_DATE, e.getValue() == null ? null : LocalDate.parse(e.getValue()))
                    : fields.with(e.getKey(), e.getValue());
        }
        return new CostCenterFields(fields);
    }

    /** Sent on create only: Exact changes a code through its recode function, not a PUT. */
    public CostCenterFields code(String code) {
        return new CostCenterFields(fields.with(CODE, code));
    }

    public CostCenterFields description(String description) {
        return new CostCenterFields(fields.with(DESCRIPTION, description));
    }

    /** The day the cost center closes; null reopens it. */
    public CostCenterFields endDate(LocalDate endDate) {
        return new CostCenterFields(fields.with(END_DATE, endDate));
    }

    public ExactFields toFields() {
        return fields;
    }
}
