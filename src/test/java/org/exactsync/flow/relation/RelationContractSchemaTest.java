package org.exactsync.flow.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exactsync.testsupport.ContractSchema.names;
import static org.exactsync.testsupport.ContractSchema.texts;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exactsync.validation.Problem;
import org.exactsync.mapping.FieldConflict;
import org.exactsync.mapping.FieldLimits;
import org.exactsync.mapping.RelationValidator;
import org.exactsync.testsupport.ContractSchema;
import org.junit.jupiter.api.Test;

/** The machine-readable copy of the relation contract (contract/relation.schema.json) and the code agree. */
class RelationContractSchemaTest {

    private final ObjectMapper json = new ObjectMapper();
    private final RelationValidator validator = new RelationValidator();

    private static JsonNode schema() {
        return ContractSchema.load("relation");
    }

    private ObjectNode valid() throws Exception {
        return (ObjectNode) json.readTree(RelationUpsertAgainstSandboxTest.BAKERY);
    }

    @Test
    void requiresExactlyTheFieldsTheSchemaRequires() throws Exception {
        JsonNode data = schema().at("/$defs/relation.upserted");
        List<String> required = texts(data.get("required"));

        assertThat(validator.validate(valid())).isEmpty();
        for (String field : names(data.get("properties"))) {
            ObjectNode without = valid();
            without.remove(field);
            List<Problem> problems = validator.validate(without);
            if (required.contains(field)) {
                assertThat(problems).as("without %s", field).extracting(Problem::field)
                        .containsExactly("data." + field);
            } else {
                assertThat(problems).as("without optional %s", field).isEmpty();
            }
        }
    }

    @Test
    void rejectsOneCharacterOverEveryMaxLengthOfTheSchemaAndAcceptsTheLimit() throws Exception {
        JsonNode properties = schema().at("/$defs/relation.upserted/properties");
        for (String field : List.of("name", "email", "phone", "vatNumber", "chamberOfCommerce")) {
            int max = properties.at("/" + field + "/maxLength").asInt();
            assertThat(validator.validate(withLength(valid(), field, max + 1))).as(field)
                    .extracting(Problem::field).contains("data." + field);
        }
        for (String field : List.of("line1", "line2", "postcode", "city")) {
            int max = properties.at("/address/properties/" + field + "/maxLength").asInt();
            ObjectNode data = valid();
            ((ObjectNode) data.get("address")).put(field, "x".repeat(max));
            assertThat(validator.validate(data)).as(field + " at its limit").isEmpty();
            ((ObjectNode) data.get("address")).put(field, "x".repeat(max + 1));
            assertThat(validator.validate(data)).extracting(Problem::field).containsExactly("data.address." + field);
        }
        assertThat(properties.at("/contacts/items/properties/firstName/maxLength").asInt())
                .isEqualTo(FieldLimits.CONTACT_NAME);
        assertThat(properties.at("/paymentTermDays/maximum").asInt()).isEqualTo(FieldLimits.MAX_PAYMENT_TERM_DAYS);
        assertThat(properties.at("/contacts/maxItems").asInt()).isEqualTo(FieldLimits.MAX_CONTACTS);
    }

    @Test
    void describesTheCallbackDataTheFlowSends() throws Exception {
        JsonNode defs = schema().get("$defs");
        JsonNode synced = json.valueToTree(new RelationSynced("rel-1", 1, "id", "1001", "1001", List.of("con-2")));
        JsonNode conflict = json.valueToTree(new RelationConflict("rel-1", 1, "id",
                List.of(new FieldConflict("address.city", "Zeist", "Amersfoort")), "kept-exact"));

        assertThat(names(synced)).containsExactlyInAnyOrderElementsOf(names(defs.at("/relation.synced/properties")));
        assertThat(names(conflict))
                .containsExactlyInAnyOrderElementsOf(names(defs.at("/relation.conflict/properties")));
        assertThat(names(conflict.at("/fields/0")))
                .containsExactlyInAnyOrderElementsOf(names(defs.at("/relation.conflict/properties/fields/items/properties")));
    }

    private ObjectNode withLength(ObjectNode data, String field, int length) {
        String value = switch (field) {
            case "email" -> "a".repeat(length - 10) + "@x.example";
            case "phone" -> "1".repeat(length);
            case "vatNumber" -> "NL" + "1".repeat(length - 2);
            default -> "x".repeat(length);
        };
        data.put(field, value);
        return data;
    }
}
