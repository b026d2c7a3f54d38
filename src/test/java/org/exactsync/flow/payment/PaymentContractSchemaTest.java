package org.exactsync.flow.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exactsync.testsupport.ContractSchema.names;
import static org.exactsync.testsupport.ContractSchema.texts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.exactsync.flow.payment.report.DivisionReceivables;
import org.exactsync.flow.payment.report.ReceivablesReport;
import org.exactsync.mapping.EntryChange;
import org.exactsync.mapping.InvoicePaymentStatus;
import org.exactsync.mapping.PaymentStatusRule;
import org.exactsync.testsupport.ContractSchema;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The payment callback and the report, as serialised, agree with contract/payment.schema.json. */
class PaymentContractSchemaTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theCallbackDataHasExactlyTheSchemasFieldsAndStatusNames() throws Exception {
        JsonNode schema = schema().at("/$defs/invoice.payment-status-changed");
        JsonNode data = json.valueToTree(PaymentStatusChanged.of("inv-1", 100001, PaymentStatusRule.statusOf(
                new java.math.BigDecimal("121"), new java.math.BigDecimal("21"), java.math.BigDecimal.ZERO,
                LocalDate.of(2026, 11, 25))));

        assertThat(names(data)).containsExactlyInAnyOrderElementsOf(names(schema.get("properties")));
        assertThat(texts(schema.get("required"))).containsExactlyInAnyOrderElementsOf(names(data));
        List<String> statuses = new ArrayList<>();
        for (InvoicePaymentStatus status : InvoicePaymentStatus.values()) {
            statuses.add(status.wireName());
        }
        assertThat(texts(schema.at("/properties/status/enum"))).containsExactlyElementsOf(statuses);
        assertThat(data.get("openAmount").asText()).matches(schema.at("/properties/openAmount/pattern").asText());
        assertThat(data.get("paidAmount").asText()).matches(schema.at("/properties/paidAmount/pattern").asText());
    }

    @Test
    void theChangedInExactDataHasExactlyTheSchemasFieldsAndChangeNames() throws Exception {
        JsonNode schema = schema().at("/$defs/invoice.changed-in-exact");
        JsonNode data = json.valueToTree(InvoiceChangedInExact.of("inv-1", 100001, EntryChange.AMOUNT,
                new java.math.BigDecimal("121"), new java.math.BigDecimal("108.9"), new java.math.BigDecimal("108.9"),
                LocalDate.of(2026, 12, 20)));
        JsonNode deleted = json.valueToTree(InvoiceChangedInExact.of("inv-1", 100001, EntryChange.DELETED,
                new java.math.BigDecimal("121"), new java.math.BigDecimal("121"), java.math.BigDecimal.ZERO, null));

        assertThat(names(data)).containsExactlyInAnyOrderElementsOf(names(schema.get("properties")));
        assertThat(texts(schema.get("required"))).containsExactlyInAnyOrderElementsOf(names(data));
        List<String> changes = new ArrayList<>();
        for (EntryChange change : EntryChange.values()) {
            changes.add(change.wireName());
        }
        assertThat(texts(schema.at("/properties/change/enum"))).containsExactlyElementsOf(changes);
        for (String amount : List.of("bookedTotal", "exactTotal", "openAmount")) {
            assertThat(data.get(amount).asText()).matches(schema.at("/properties/" + amount + "/pattern").asText());
        }
        assertThat(data.get("exactTotal").asText()).isEqualTo("108.90");
        assertThat(deleted.get("exactTotal").isNull()).isTrue();
        assertThat(deleted.get("openAmount").isNull()).isTrue();
    }

    @Test
    void theReportHasExactlyTheSchemasFields() throws Exception {
        JsonNode schema = schema().at("/$defs/receivables-report");
        JsonNode report = json.valueToTree(new ReceivablesReport("rel-1", "2026-11-26", List.of(
                new DivisionReceivables(100001, "1.00", "0.00", new DivisionReceivables.Ageing("1.00", "0.00",
                        "0.00", "0.00"), 1, null))));
        JsonNode divisionSchema = schema.at("/properties/divisions/items");

        assertThat(names(report)).containsExactlyInAnyOrderElementsOf(names(schema.get("properties")));
        assertThat(names(report.get("divisions").get(0)))
                .containsExactlyInAnyOrderElementsOf(names(divisionSchema.get("properties")));
        assertThat(names(report.get("divisions").get(0).get("ageing")))
                .containsExactlyInAnyOrderElementsOf(texts(divisionSchema.at("/properties/ageing/required")));
    }

    private static JsonNode schema() {
        return ContractSchema.load("payment");
    }
}
