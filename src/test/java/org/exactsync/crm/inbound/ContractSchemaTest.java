package org.exactsync.crm.inbound;

import org.exactsync.validation.Problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exactsync.crm.callback.SyncFailed;
import org.junit.jupiter.api.Test;

/** The machine-readable copy of the contract (src/main/resources/contract) and the code agree. */
class ContractSchemaTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode schema(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/contract/" + name)) {
            return json.readTree(in);
        }
    }

    private ObjectNode validEnvelope() {
        ObjectNode root = json.createObjectNode();
        root.put("eventId", "evt-1");
        root.put("type", "relation.upserted");
        root.put("occurredAt", "2026-11-26T10:15:00Z");
        root.put("tenant", "default");
        root.putArray("divisions").add(100);
        root.putObject("data");
        return root;
    }

    private static List<String> fields(List<Problem> problems) {
        return problems.stream().map(Problem::field).toList();
    }

    @Test
    void requiresExactlyTheEnvelopeFieldsTheSchemaRequires() throws Exception {
        JsonNode schema = schema("crm-envelope.schema.json");
        List<String> required = new ArrayList<>();
        schema.get("required").forEach(node -> required.add(node.asText()));

        assertThat(EnvelopeReader.problems(validEnvelope(), "relation.upserted", Set.of(100))).isEmpty();
        schema.get("properties").fieldNames().forEachRemaining(field -> {
            ObjectNode without = validEnvelope();
            without.remove(field);
            List<Problem> problems = EnvelopeReader.problems(without, "relation.upserted", Set.of(100));
            if (required.contains(field)) {
                assertThat(fields(problems)).as("without %s", field).containsExactly(field);
            } else {
                assertThat(problems).as("without optional %s", field).isEmpty();
            }
        });
    }

    @Test
    void usesTheSchemasLengthLimitsAndDivisionRules() throws Exception {
        JsonNode properties = schema("crm-envelope.schema.json").get("properties");

        assertThat(properties.at("/eventId/maxLength").asInt()).isEqualTo(EnvelopeReader.MAX_EVENT_ID);
        assertThat(properties.at("/tenant/maxLength").asInt()).isEqualTo(EnvelopeReader.MAX_TENANT);
        assertThat(properties.at("/divisions/minItems").asInt()).isEqualTo(1);
        assertThat(properties.at("/divisions/items/minimum").asInt()).isEqualTo(1);
        assertThat(properties.at("/type/enum")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(CrmRoutes.all().values());
    }

    @Test
    void describesTheSyncFailedDataTheCodeSends() throws Exception {
        JsonNode syncFailed = schema("crm-callback.schema.json").at("/$defs/sync.failed");
        JsonNode written = json.valueToTree(new SyncFailed("evt-1", "relation:rel-1", "why", false));

        List<String> schemaFields = new ArrayList<>();
        syncFailed.get("properties").fieldNames().forEachRemaining(schemaFields::add);
        List<String> codeFields = new ArrayList<>();
        written.fieldNames().forEachRemaining(codeFields::add);
        assertThat(codeFields).containsExactlyInAnyOrderElementsOf(schemaFields);
    }
}
