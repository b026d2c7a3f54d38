package org.exactsync.sandbox.master;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.ExactFault;
import org.exactsync.sandbox.KeyKind;
import org.exactsync.sandbox.SandboxContext;

/** {@code cashflow/PaymentConditions} (docs/exact-reference.md §5.19): GET and POST; entries reference the Code. */
public final class PaymentConditionsSet extends MasterTableSet {

    public static final String PATH = "cashflow/PaymentConditions";

    private static final Map<String, FieldType> WRITABLE = Map.of(
            "Code", FieldType.STRING, "Description", FieldType.STRING, "PaymentDays", FieldType.INT32,
            "PaymentEndOfMonths", FieldType.INT32, "PaymentMethod", FieldType.STRING,
            "DiscountPercentage", FieldType.DECIMAL, "DiscountPaymentDays", FieldType.INT32,
            "Percentage", FieldType.DECIMAL);

    public PaymentConditionsSet() {
        super(new EndpointSpec(PATH, "ID", KeyKind.GUID, EndpointSpec.SINGLE_PAGE, false, Set.of(), false, Set.of(),
                Set.of("GET", "POST"), "Exact.Web.Api.Models.PaymentCondition"),
                List.of("ID", "Code", "Description", "PaymentDays", "PaymentEndOfMonths", "PaymentMethod",
                        "DiscountPercentage", "DiscountPaymentDays", "PaymentDiscountType", "Percentage",
                        "VATCalculation", "DiscountCalculation", "Division", "Created", "Modified"));
    }

    @Override
    public Map<String, Object> create(DivisionData division, Map<String, Object> body, SandboxContext context) {
        String code = text(body, "Code");
        if (blank(code)) {
            throw ExactFault.badRequest("Mandatory: Code");
        }
        if (blank(text(body, "Description"))) {
            throw ExactFault.badRequest("Mandatory: Description");
        }
        if (!table(division).where(r -> code.trim().equals(r.get("Code"))).isEmpty()) {
            throw ExactFault.badRequest("Already exists: Code");
        }
        Map<String, Object> row = blankRow();
        row.put("PaymentDays", 0);
        row.put("PaymentEndOfMonths", 0);
        row.put("PaymentMethod", "B");
        applyWritable(row, body, WRITABLE);
        row.put("Code", code.trim());
        stampCreated(row, division, context.clock().instant());
        table(division).put(row);
        return row;
    }
}
