package org.exactsync.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reading the machine-readable contract copies ({@code src/main/resources/contract/*.schema.json}) in tests. */
public final class ContractSchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractSchema() {
    }

    /** The schema {@code contract/<name>.schema.json}, e.g. {@code relation}. */
    public static JsonNode load(String name) {
        try (InputStream in = ContractSchema.class.getResourceAsStream("/contract/" + name + ".schema.json")) {
            if (in == null) {
                throw new IllegalArgumentException("no contract schema " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The field names of a JSON object (a schema's {@code properties}, or a serialised record), in order. */
    public static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The texts of a JSON array (a schema's {@code required} or {@code enum}), in order. */
    public static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
