package org.exactsync.flow.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exactsync.testsupport.ContractSchema.names;
import static org.exactsync.testsupport.ContractSchema.texts;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exactsync.validation.Problem;
import org.exactsync.mapping.InvoiceValidator;
import org.exactsync.testsupport.ContractSchema;
import org.junit.jupiter.api.Test;

/** The machine-readable copy of the invoice contract (contract/invoice.schema.json) and the code agree. */
class InvoiceContractSchemaTest {

    private final ObjectMapper json = new ObjectMapper();
    private final InvoiceValidator validator = new InvoiceValidator();

    private static JsonNode schema() {
        return ContractSchema.load("invoice");
    }

    private ObjectNode valid() throws Exception {
        return (ObjectNode) json.readTree(InvoiceFlowFixture.INVOICE);
    }

    @Test
    void requiresExactlyTheFieldsTheSchemaRequires() throws Exception {
        JsonNode data = schema().at("/$defs/invoice.created");
        List<String> required = texts(data.get("required"));

        assertThat(validator.validate(valid())).isEmpty();
        for (String field : names(data.get("properties"))) {
            ObjectNode without = valid();
            without.remove(field);
            List<Problem> problems = validator.validate(without);
            if (required.contains(field)) {
                assertThat(problems).as("without %s", field).extracting(Problem::field).contains("data." + field);
            } else {
                assertThat(problems).as("without optional %s", field).isEmpty();
            }
        }
        JsonNode line = data.at("/properties/lines/items");
        for (String field : names(line.get("properties"))) {
            ObjectNode without = valid();
            ((ObjectNode) without.get("lines").get(0)).remove(field);
            List<String> fields = validator.validate(without).stream().map(Problem::field).toList();
            assertThat(fields.contains("data.lines[0]." + field)).as("line without %s", field)
                    .isEqualTo(texts(line.get("required")).contains(field));
        }
    }

    @Test
    void theAmountPatternAndTheVatCategoriesAreTheValidators() throws Exception {
        Pattern amount = Pattern.compile(schema().at("/$defs/amount/pattern").asText());
        for (String value : List.of("1210.00", "-5", "0.5", "1210.001", "1,00", "12e3")) {
            ObjectNode data = valid();
            data.put("totalExclVat", value);
            boolean validatorAccepts = validator.validate(data).stream().noneMatch(p ->
                    p.field().equals("data.totalExclVat") && p.message().contains("decimal string"));
            assertThat(validatorAccepts).as(value).isEqualTo(amount.matcher(value).matches());
        }
        for (JsonNode category : schema().at("/$defs/invoice.created/properties/lines/items/properties/vatCategory/enum")) {
            ObjectNode data = valid();
            ((ObjectNode) data.get("lines").get(0)).put("vatCategory", category.asText());
            assertThat(validator.validate(data)).extracting(Problem::field).as(category.asText())
                    .doesNotContain("data.lines[0].vatCategory");
        }
    }

    @Test
    void describesTheCallbackDataTheFlowSends() throws Exception {
        JsonNode booked = json.valueToTree(new InvoiceBooked("inv-1", 1, "id", "26700001", "70", List.of("8000")));

        assertThat(names(booked)).containsExactlyInAnyOrderElementsOf(
                names(schema().at("/$defs/invoice.booked/properties")));
    }
}
