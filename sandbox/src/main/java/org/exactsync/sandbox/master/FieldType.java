package org.exactsync.sandbox.master;

import org.exactsync.sandbox.ExactValues;

/** The EDM type of a writable property, deciding how a JSON input value is read into a row. */
public enum FieldType {
    STRING,
    BOOLEAN,
    INT32,
    DECIMAL,
    GUID,
    DATE;

    /** Converts a JSON value (as Jackson read it) to the row's type; bad input is a 400 naming the field. */
    public Object read(Object raw, String field) {
        return switch (this) {
            case STRING -> ExactValues.parseString(raw);
            case BOOLEAN -> ExactValues.parseBoolean(raw, field);
            case INT32 -> ExactValues.parseInt(raw, field);
            case DECIMAL -> ExactValues.parseAmount(raw, field);
            case GUID -> ExactValues.parseGuid(raw);
            case DATE -> ExactValues.parseDate(raw, field);
        };
    }
}
