package org.exactsync.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml describes what is deployed and what is sent: its routes are template.yaml's API routes, its
 * {@code $ref}s land on the contract's JSON Schemas, and every callback type the code sends is one of its webhooks.
 */
class OpenApiContractTest {

    private static final Path OPENAPI = Path.of("docs/openapi.yaml");
    private static final Path CONTRACT = Path.of("src/main/resources/contract");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");
    /** API Gateway's extension for a route that takes every method (SAM's {@code Method: any}). */
    private static final String ANY_METHOD = "x-amazon-apigateway-any-method";

    private static JsonNode openapi;

    @BeforeAll
    static void read() throws IOException {
        openapi = YAML.readTree(Files.readString(OPENAPI));
    }

    @Test
    void isOpenApi31() {
        assertThat(openapi.path("openapi").asText()).startsWith("3.1.");
    }

    @Test
    void describesExactlyTheApiRoutesOfTheTemplate() throws IOException {
        JsonNode resources = YAML.readTree(Files.readString(Path.of("template.yaml"))).get("Resources");
        Set<String> templateRoutes = new TreeSet<>();
        for (Iterator<JsonNode> it = resources.elements(); it.hasNext();) {
            JsonNode resource = it.next();
            if (!"AWS::Serverless::Function".equals(resource.path("Type").asText())) {
                continue;
            }
            for (Iterator<JsonNode> events = resource.at("/Properties/Events").elements(); events.hasNext();) {
                JsonNode event = events.next();
                if ("Api".equals(event.path("Type").asText())) {
                    templateRoutes.add(event.at("/Properties/Method").asText().toUpperCase() + " "
                            + event.at("/Properties/Path").asText());
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        openapi.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(key -> {
            if (HTTP_METHODS.contains(key)) {
                documented.add(key.toUpperCase() + " " + path.getKey());
            } else if (ANY_METHOD.equals(key)) {
                documented.add("ANY " + path.getKey());
            }
        }));
        assertThat(templateRoutes).isNotEmpty();
        assertThat(documented).isEqualTo(templateRoutes);
    }

    @Test
    void everyRefResolvesToAnExistingSchema() throws IOException {
        List<String> refs = new ArrayList<>();
        collectRefs(openapi, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            int hash = ref.indexOf('#');
            String file = hash < 0 ? ref : ref.substring(0, hash);
            String pointer = hash < 0 ? "" : ref.substring(hash + 1);
            JsonNode target;
            if (file.isEmpty()) {
                target = openapi;
            } else {
                Path path = OPENAPI.getParent().resolve(file).normalize();
                assertThat(path).as("file of %s", ref).isRegularFile();
                assertThat(path.startsWith(CONTRACT)).as("%s points at a contract schema", ref).isTrue();
                target = JSON.readTree(Files.readString(path));
            }
            assertThat(target.at(pointer).isMissingNode()).as("pointer of %s", ref).isFalse();
        }
    }

    @Test
    void everyContractSchemaIsUsed() throws IOException {
        List<String> refs = new ArrayList<>();
        collectRefs(openapi, refs);
        try (Stream<Path> schemas = Files.list(CONTRACT)) {
            schemas.map(schema -> schema.getFileName().toString()).forEach(schema -> assertThat(refs)
                    .as("a $ref to %s", schema).anyMatch(ref -> ref.contains("/contract/" + schema)));
        }
    }

    @Test
    void eachEventRouteAndWebhookPointsDataAtTheDefinitionOfItsOwnType() {
        List<JsonNode> bodies = new ArrayList<>();
        openapi.get("paths").forEach(path -> path.forEach(operation -> bodies.add(operation.path("requestBody"))));
        openapi.get("webhooks").forEach(hook -> hook.forEach(operation -> bodies.add(operation.path("requestBody"))));
        int typed = 0;
        for (JsonNode body : bodies) {
            for (JsonNode part : body.at("/content/application~1json/schema/allOf")) {
                String type = part.at("/properties/type/const").asText();
                String dataRef = part.at("/properties/data/$ref").asText();
                if (!type.isEmpty() && dataRef.contains("/contract/")) {
                    assertThat(dataRef).as("data of %s", type).endsWith("#/$defs/" + type);
                    typed++;
                }
            }
        }
        assertThat(typed).isGreaterThanOrEqualTo(3);
    }

    @Test
    void crmEventRoutesAnswerTheContractsStatusesUnderTheCrmSignature() {
        for (String route : List.of("/crm/relations", "/crm/invoices", "/crm/projects")) {
            JsonNode post = openapi.path("paths").path(route).path("post");
            assertThat(names(post.path("responses"))).as(route).contains("200", "202", "400", "401", "409");
            assertThat(post.at("/security/0").has("CrmSignature")).as(route).isTrue();
        }
        assertThat(openapi.at("/paths/~1crm~1receivables/get/security/0").has("CrmRouteSignature")).isTrue();
        assertThat(openapi.at("/paths/~1admin~1tenants~1{tenant}~1{proxy+}/" + ANY_METHOD + "/security/0")
                .has("CrmAdminSignature")).isTrue();
        openapi.at("/components/securitySchemes").forEach(scheme -> {
            if ("header".equals(scheme.path("in").asText())) {
                assertThat(scheme.path("name").asText()).isEqualTo("Crm-Signature");
            }
        });
    }

    @Test
    void everyCallbackTypeIsAWebhook() throws IOException {
        Set<String> webhooks = new TreeSet<>(names(openapi.get("webhooks")));
        Set<String> schemaTypes = new TreeSet<>();
        JSON.readTree(Files.readString(CONTRACT.resolve("crm-callback.schema.json"))).at("/properties/type/enum")
                .forEach(type -> schemaTypes.add(type.asText()));
        Set<String> sentTypes = typesTheCodeSends();
        assertThat(schemaTypes).isNotEmpty();
        assertThat(sentTypes).contains("sync.failed", "invoice.booked", "connection.changed");
        assertThat(webhooks).containsAll(schemaTypes).containsAll(sentTypes);
        Set<String> known = new TreeSet<>(schemaTypes);
        known.addAll(sentTypes);
        assertThat(known).as("no webhook the connector never sends").containsAll(webhooks);
    }

    /** The third argument of every {@code callbacks.send(...)} in src/main: a literal or a {@code X.TYPE} constant. */
    private static Set<String> typesTheCodeSends() throws IOException {
        Pattern send = Pattern.compile("callbacks\\.send\\(([^;]*?)\\)\\s*;", Pattern.DOTALL);
        Set<String> types = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            Matcher call = send.matcher(Files.readString(source));
            while (call.find()) {
                String[] args = call.group(1).split(",", 4);
                assertThat(args.length).as("arguments of a send in %s", source).isGreaterThanOrEqualTo(3);
                types.add(resolve(args[2].strip(), sources));
            }
        }
        return types;
    }

    private static String resolve(String argument, List<Path> sources) throws IOException {
        if (argument.startsWith("\"")) {
            return argument.substring(1, argument.length() - 1);
        }
        Matcher constant = Pattern.compile("(\\w+)\\.TYPE").matcher(argument);
        assertThat(constant.matches()).as("callback type argument %s", argument).isTrue();
        String file = constant.group(1) + ".java";
        Path holder = sources.stream().filter(s -> s.getFileName().toString().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("no source for " + argument));
        Matcher value = Pattern.compile("String TYPE = \"([^\"]+)\"").matcher(Files.readString(holder));
        assertThat(value.find()).as("TYPE in %s", holder).isTrue();
        return value.group(1);
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if ("$ref".equals(field.getKey())) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, refs));
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
