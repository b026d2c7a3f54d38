package org.exactsync.flow.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exactsync.testsupport.ContractSchema.names;
import static org.exactsync.testsupport.ContractSchema.texts;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exactsync.validation.Problem;
import org.exactsync.mapping.ProjectLimits;
import org.exactsync.mapping.ProjectValidator;
import org.exactsync.testsupport.ContractSchema;
import org.junit.jupiter.api.Test;

/** The machine-readable copy of the project contract (contract/project.schema.json) and the code agree. */
class ProjectContractSchemaTest {

    private static final String VALID = """
            {"id":"prj-7","number":"P2026-007","description":"Nieuwe winkelinrichting","relationId":"rel-1001",
             "active":true}
            """;

    private final ObjectMapper json = new ObjectMapper();
    private final ProjectValidator validator = new ProjectValidator();

    @Test
    void requiresExactlyTheFieldsTheSchemaRequires() throws Exception {
        JsonNode data = schema().at("/$defs/project.upserted");
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
        JsonNode properties = schema().at("/$defs/project.upserted/properties");
        for (String field : List.of("id", "number", "description", "relationId")) {
            int max = properties.at("/" + field + "/maxLength").asInt();
            ObjectNode data = valid();
            data.put(field, "x".repeat(max));
            assertThat(validator.validate(data)).as(field + " at its limit").isEmpty();
            data.put(field, "x".repeat(max + 1));
            assertThat(validator.validate(data)).extracting(Problem::field).containsExactly("data." + field);
        }
        assertThat(properties.at("/description/maxLength").asInt()).isEqualTo(ProjectLimits.DESCRIPTION);
        assertThat(schema().at("/$defs/project.synced/properties/costCenterCode/maxLength").asInt())
                .isEqualTo(ProjectLimits.CODE);
    }

    @Test
    void describesTheCallbackDataTheFlowSends() throws Exception {
        JsonNode defs = schema().get("$defs");
        JsonNode synced = json.valueToTree(new ProjectSynced("prj-7", 1, "P2026007", "id", true));
        JsonNode costs = json.valueToTree(new ProjectCostsUpdated("prj-7", 1, "P2026007", "10.00", List.of(
                new ProjectCostEntry("2026-11-20", "Stevig", "60001", "4010", "10.00", "Kasten", 26600001))));

        assertThat(names(synced)).containsExactlyInAnyOrderElementsOf(names(defs.at("/project.synced/properties")));
        assertThat(names(costs))
                .containsExactlyInAnyOrderElementsOf(names(defs.at("/project.costs-updated/properties")));
        assertThat(names(costs.at("/entries/0"))).containsExactlyInAnyOrderElementsOf(
                names(defs.at("/project.costs-updated/properties/entries/items/properties")));
    }

    private static JsonNode schema() {
        return ContractSchema.load("project");
    }

    private ObjectNode valid() throws Exception {
        return (ObjectNode) json.readTree(VALID);
    }
}
