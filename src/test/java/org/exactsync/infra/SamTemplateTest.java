package org.exactsync.infra;

import org.exactsync.crm.inbound.HttpRequestEvent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.quarkus.funqy.Funq;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exactsync.crm.inbound.CrmRoutes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What cfn-lint does not check but a deployment depends on: every function selects a {@code @Funq} that exists,
 * every {@code Ref} resolves, each function has its own scoped policy and a log group with retention, and the table
 * keeps TTL and point-in-time recovery on.
 */
class SamTemplateTest {

    /** The schedules that fan a round out by invoking themselves asynchronously (docs/operations.md). */
    static final Set<String> FANNED_OUT = Set.of("OpenItemPollFunction", "ProjectCostsFunction",
            "EventReplayFunction", "TokenKeepAliveFunction");

    private static JsonNode template;
    private static JsonNode resources;

    @BeforeAll
    static void readTemplate() throws IOException {
        template = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of("template.yaml")));
        resources = template.get("Resources");
    }

    @Test
    void tableHasTtlAndPointInTimeRecovery() {
        JsonNode table = resources.get("ConnectorTable").get("Properties");
        assertThat(table.at("/TimeToLiveSpecification/Enabled").asBoolean()).isTrue();
        assertThat(table.at("/TimeToLiveSpecification/AttributeName").asText()).isEqualTo("expiresAt");
        assertThat(table.at("/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled").asBoolean()).isTrue();
        assertThat(table.at("/BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
    }

    @Test
    void tableMatchesTheBootstrapUsedLocallyAndInTests() {
        var request = new org.exactsync.store.dynamodb.TableBootstrap(null, "t", org.exactsync.time.Sleeper.system())
                .createRequest();
        JsonNode table = resources.get("ConnectorTable").get("Properties");
        Set<String> templateAttributes = new HashSet<>();
        table.get("AttributeDefinitions").forEach(a -> templateAttributes.add(a.get("AttributeName").asText()
                + ":" + a.get("AttributeType").asText()));
        Set<String> bootstrapAttributes = new HashSet<>();
        request.attributeDefinitions().forEach(a -> bootstrapAttributes.add(a.attributeName() + ":"
                + a.attributeTypeAsString()));
        assertThat(templateAttributes).isEqualTo(bootstrapAttributes);
        Set<String> templateIndexes = new HashSet<>();
        table.get("GlobalSecondaryIndexes").forEach(i -> templateIndexes.add(i.get("IndexName").asText() + "("
                + i.at("/KeySchema/0/AttributeName").asText() + "," + i.at("/KeySchema/1/AttributeName").asText()
                + ")"));
        Set<String> bootstrapIndexes = new HashSet<>();
        request.globalSecondaryIndexes().forEach(i -> bootstrapIndexes.add(i.indexName() + "("
                + i.keySchema().get(0).attributeName() + "," + i.keySchema().get(1).attributeName() + ")"));
        assertThat(templateIndexes).isEqualTo(bootstrapIndexes);
    }

    @Test
    void everyFunctionExportsAFunqThatExists() {
        Set<String> funqNames = funqNames();
        for (Map.Entry<String, JsonNode> function : functions()) {
            String export = function.getValue().at("/Properties/Environment/Variables/QUARKUS_FUNQY_EXPORT").asText();
            assertThat(funqNames).as("export of %s", function.getKey()).contains(export);
        }
        assertThat(functions()).isNotEmpty();
    }

    @Test
    void everyFunqIsDeployedByExactlyOneFunction() {
        List<String> exports = functions().stream()
                .map(f -> f.getValue().at("/Properties/Environment/Variables/QUARKUS_FUNQY_EXPORT").asText())
                .toList();
        assertThat(exports).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(funqNames());
    }

    @Test
    void everyFunctionHasItsOwnScopedPolicyAndALogGroupWithRetention() {
        for (Map.Entry<String, JsonNode> function : functions()) {
            JsonNode statements = function.getValue().at("/Properties/Policies/0/Statement");
            assertThat(statements.isArray()).as("inline policy of %s", function.getKey()).isTrue();
            for (JsonNode statement : statements) {
                assertThat(statement.get("Resource").isTextual() && statement.get("Resource").asText().equals("*"))
                        .as("%s grants on every resource", function.getKey()).isFalse();
                for (JsonNode action : statement.get("Action").isArray() ? statement.get("Action")
                        : List.of(statement.get("Action"))) {
                    assertThat(action.asText()).as("wildcard action in %s", function.getKey()).doesNotContain("*");
                }
            }
            boolean hasLogGroup = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> r = it.next();
                if (r.getValue().get("Type").asText().equals("AWS::Logs::LogGroup")
                        && r.getValue().at("/Properties/LogGroupName/Fn::Sub").asText()
                                .equals("/aws/lambda/${" + function.getKey() + "}")) {
                    hasLogGroup = r.getValue().at("/Properties/RetentionInDays").isObject()
                            || r.getValue().at("/Properties/RetentionInDays").isNumber();
                }
            }
            assertThat(hasLogGroup).as("log group with retention for %s", function.getKey()).isTrue();
        }
    }

    @Test
    void aFannedOutScheduleMayInvokeOnlyItselfWithinItsReservedConcurrency() {
        for (Map.Entry<String, JsonNode> function : functions()) {
            JsonNode properties = function.getValue().get("Properties");
            List<JsonNode> invokes = new ArrayList<>();
            properties.at("/Policies/0/Statement").forEach(statement -> {
                if (statement.toString().contains("lambda:")) {
                    invokes.add(statement);
                }
            });
            if (!FANNED_OUT.contains(function.getKey())) {
                assertThat(invokes).as("%s invokes functions", function.getKey()).isEmpty();
                continue;
            }
            String name = properties.at("/FunctionName/Fn::Sub").asText();
            assertThat(name).as("name of %s", function.getKey())
                    .isEqualTo("${AWS::StackName}-" + properties.at("/Environment/Variables/QUARKUS_FUNQY_EXPORT")
                            .asText());
            assertThat(invokes).as("invoke grants of %s", function.getKey()).hasSize(1);
            assertThat(invokes.get(0).get("Action").asText()).isEqualTo("lambda:InvokeFunction");
            List<String> scope = new ArrayList<>();
            invokes.get(0).get("Resource").forEach(r -> scope.add(r.get("Fn::Sub").asText()));
            String arn = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:" + name;
            assertThat(scope).as("%s invokes only itself (any version)", function.getKey())
                    .containsExactlyInAnyOrder(arn, arn + ":*");
            assertThat(properties.get("ReservedConcurrentExecutions").asInt()).as("fan-out bound of %s",
                    function.getKey()).isBetween(1, 50);
        }
    }

    @Test
    void everyHttpFunctionIsReachableThroughTheApiOnAContractRoute() {
        // Every function whose input is an API Gateway proxy event (one record for all of them).
        Set<String> httpFunqs = funqNames(method -> method.getRawParameterTypes().size() == 1
                && method.getRawParameterTypes().get(0).getSimpleName().equals("HttpRequestEvent"));
        assertThat(httpFunqs).as("HTTP functions in the code").contains("relation-upsert", "invoice-posting", "project-sync",
                "exact-webhook", "receivables-report", "connect-start", "connect-callback", "tenant-admin",
                "console");
        Set<String> exportedWithRoute = new HashSet<>();
        for (Map.Entry<String, JsonNode> function : functions()) {
            String export = function.getValue().at("/Properties/Environment/Variables/QUARKUS_FUNQY_EXPORT").asText();
            function.getValue().at("/Properties/Events").forEach(event -> {
                if (event.get("Type").asText().equals("Api")) {
                    assertThat(event.at("/Properties/RestApiId/Ref").asText()).isEqualTo("CrmApi");
                    String path = event.at("/Properties/Path").asText();
                    // The bulk upload takes NDJSON parts, not one event: it is the one POST without an event type.
                    if (path.startsWith("/crm/") && event.at("/Properties/Method").asText().equals("post")
                            && !path.equals("/crm/relations/uploads")) {
                        assertThat(CrmRoutes.typeOf(path)).as("contract route %s", path).isPresent();
                    }
                    exportedWithRoute.add(export);
                }
            });
        }
        assertThat(exportedWithRoute).containsAll(httpFunqs);
        assertThat(resources.at("/CrmApi/Properties/BinaryMediaTypes").toString())
                .as("raw bytes reach the signature check").contains("*~1*");
    }

    /**
     * Each function is granted exactly the secrets its code can use: {@code client-secret} where its beans build the
     * Exact client, {@code webhook-secret} where a bean checks Exact's webhook signature, {@code crm} where a bean
     * looks up CRM tenants; its {@code CONNECTOR_SECRETS} (what it reads) lists the same, and nothing else.
     */
    @Test
    void everyFunctionIsGrantedExactlyTheSecretsItsBeansUse() {
        FunctionBeanGraph graph = new FunctionBeanGraph();
        org.assertj.core.api.SoftAssertions softly = new org.assertj.core.api.SoftAssertions();
        for (Map.Entry<String, JsonNode> function : functions()) {
            JsonNode properties = function.getValue().get("Properties");
            String export = properties.at("/Environment/Variables/QUARKUS_FUNQY_EXPORT").asText();
            Set<com.tngtech.archunit.core.domain.JavaClass> beans = graph.reachableFrom(export);
            Set<String> needed = new java.util.TreeSet<>();
            if (beans.stream().anyMatch(c -> c.isAssignableTo(org.exactsync.exact.ExactOnlineClient.class))) {
                needed.add("client-secret");
            }
            if (beans.stream().anyMatch(c -> c.getMethodCallsFromSelf().stream().anyMatch(call -> call.getTarget()
                    .getOwner().isEquivalentTo(org.exactsync.config.ExactConfig.class)
                    && call.getTarget().getName().equals("webhookSecret")))) {
                needed.add("webhook-secret");
            }
            if (beans.stream().anyMatch(c -> c.isEquivalentTo(org.exactsync.crm.TenantSettings.class))) {
                needed.add("crm");
            }
            String listed = properties.at("/Environment/Variables/CONNECTOR_SECRETS").asText("");
            Set<String> reads = new java.util.TreeSet<>(listed.isBlank() ? List.of() : List.of(listed.split(",")));
            softly.assertThat(reads).as("CONNECTOR_SECRETS of %s (%s)", function.getKey(), export)
                    .isEqualTo(needed);
            softly.assertThat(ssmGrants(properties)).as("SSM grants of %s (%s)", function.getKey(), export)
                    .isEqualTo(expectedGrants(needed));
        }
        softly.assertAll();
    }

    private static Set<String> expectedGrants(Set<String> secrets) {
        String arn = "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter${ExactSecretsParameterPath}";
        Set<String> grants = new java.util.TreeSet<>();
        if (secrets.contains("client-secret")) {
            grants.add("ssm:GetParameter " + arn + "client-secret");
        }
        if (secrets.contains("webhook-secret")) {
            grants.add("ssm:GetParameter " + arn + "webhook-secret");
        }
        if (secrets.contains("crm")) {
            grants.add("ssm:GetParametersByPath " + arn + "crm/*");
        }
        return grants;
    }

    /** "action resource" for every SSM action the function's policy grants, whatever the statement layout. */
    private static Set<String> ssmGrants(JsonNode properties) {
        Set<String> grants = new java.util.TreeSet<>();
        for (JsonNode statement : properties.at("/Policies/0/Statement")) {
            List<JsonNode> actions = new ArrayList<>();
            (statement.get("Action").isArray() ? statement.get("Action") : List.of(statement.get("Action")))
                    .forEach(actions::add);
            List<JsonNode> scope = new ArrayList<>();
            (statement.get("Resource").isArray() ? statement.get("Resource") : List.of(statement.get("Resource")))
                    .forEach(scope::add);
            for (JsonNode action : actions) {
                if (action.asText().startsWith("ssm:")) {
                    scope.forEach(r -> grants.add(action.asText() + " " + r.path("Fn::Sub").asText(r.toString())));
                }
            }
        }
        return grants;
    }

    @Test
    void everyFunctionPublishesSnapStartVersionsBehindAnAliasItsEventsInvoke() {
        JsonNode globals = template.at("/Globals/Function");
        assertThat(globals.at("/SnapStart/ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(globals.at("/AutoPublishAlias").asText()).isNotBlank();
        assertThat(globals.at("/Runtime").asText()).startsWith("java");
        for (Map.Entry<String, JsonNode> function : functions()) {
            JsonNode properties = function.getValue().get("Properties");
            // A function-level override would take it out of SnapStart or off the alias.
            assertThat(properties.has("SnapStart") || properties.has("AutoPublishAlias") || properties.has("Runtime"))
                    .as("%s overrides the SnapStart globals", function.getKey()).isFalse();
            // SAM points these event types at the alias when AutoPublishAlias is set; other types may not follow.
            properties.path("Events").forEach(event -> assertThat(event.path("Type").asText())
                    .as("event of %s", function.getKey()).isIn("Api", "ScheduleV2"));
        }
    }

    @Test
    void everyRefResolves() {
        Set<String> known = new HashSet<>();
        template.get("Parameters").fieldNames().forEachRemaining(known::add);
        resources.fieldNames().forEachRemaining(known::add);
        known.addAll(Set.of("AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::StackName", "AWS::URLSuffix"));
        List<String> refs = new ArrayList<>();
        collectRefs(template, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(known).contains(ref));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("Ref")) {
                    refs.add(e.getValue().asText());
                } else if (e.getKey().equals("Fn::GetAtt")) {
                    refs.add(e.getValue().get(0).asText());
                } else if (e.getKey().equals("Fn::Sub") && e.getValue().isTextual()) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9:]+)(\\.[A-Za-z]+)?}")
                            .matcher(e.getValue().asText());
                    while (m.find()) {
                        refs.add(m.group(1));
                    }
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }

    private static List<Map.Entry<String, JsonNode>> functions() {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        resources.fields().forEachRemaining(e -> {
            if (e.getValue().get("Type").asText().equals("AWS::Serverless::Function")) {
                out.add(e);
            }
        });
        return out;
    }

    private static Set<String> funqNames() {
        return funqNames(method -> true);
    }

    private static Set<String> funqNames(java.util.function.Predicate<JavaMethod> which) {
        Set<String> names = new HashSet<>();
        for (var javaClass : new ClassFileImporter().importPath(java.nio.file.Path.of("target/classes"))) {
            for (JavaMethod method : javaClass.getMethods()) {
                if (method.isAnnotatedWith(Funq.class) && which.test(method)) {
                    String value = method.getAnnotationOfType(Funq.class).value();
                    names.add(value.isEmpty() ? method.getName() : value);
                }
            }
        }
        return names;
    }
}
