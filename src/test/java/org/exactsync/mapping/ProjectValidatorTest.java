package org.exactsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exactsync.validation.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProjectValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = """
            {"id":"prj-7","number":"P2026-007","description":"Nieuwe winkelinrichting","relationId":"rel-1001",
             "active":true}
            """;

    private final ProjectValidator validator = new ProjectValidator();

    @Test
    void acceptsTheContractsExample() throws Exception {
        assertThat(validator.validate(JSON.readTree(VALID))).isEmpty();
    }

    @Test
    void acceptsADescriptionOfExactlySixtyCharacters() {
        assertThat(validator.validate(with("description", "é".repeat(60)))).isEmpty();
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of("id", null, "data.id", "is required"),
                Arguments.of("number", null, "data.number", "is required"),
                Arguments.of("number", " ", "data.number", "is required"),
                Arguments.of("number", "--", "data.number", "must contain a letter or digit"),
                Arguments.of("number", 7, "data.number", "must be a string"),
                Arguments.of("description", null, "data.description", "is required"),
                Arguments.of("description", "x".repeat(61), "data.description", "is longer than 60 characters"),
                Arguments.of("relationId", 12, "data.relationId", "must be a string"),
                Arguments.of("active", "no", "data.active", "must be true or false"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badFields")
    void namesTheBadField(String field, Object value, String path, String message) {
        assertThat(validator.validate(with(field, value))).containsExactly(new Problem(path, message));
    }

    @Test
    void refusesDataThatIsNotAnObject() {
        assertThat(validator.validate(JSON.getNodeFactory().textNode("prj-7")))
                .containsExactly(new Problem("data", "must be an object"));
    }

    private static JsonNode with(String field, Object value) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(VALID);
            node.set(field, JSON.valueToTree(value));
            return node;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
