package org.exactsync.infra;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: for each function of {@code template.yaml}, its export, its one trigger (route or schedule) and the scope
 * of its policy, written out here so that a reviewer reads every deployment in one table and any change to the
 * template (a new function, a moved route, a widened grant) must be made in both places.
 */
class FunctionDeploymentsTest {

    private static final Set<String> READ = Set.of("GetItem", "Query");
    private static final Set<String> READ_WRITE = Set.of("GetItem", "PutItem", "UpdateItem", "Query");
    private static final Set<String> FULL = Set.of("GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query");

    /** What a function reads from SSM (its CONNECTOR_SECRETS, the same as its SSM grants): the minimum it uses. */
    private static final Set<String> NONE = Set.of();
    private static final Set<String> APP = Set.of("client-secret");
    private static final Set<String> TENANTS = Set.of("crm");
    private static final Set<String> APP_AND_TENANTS = Set.of("client-secret", "crm");
    private static final Set<String> APP_WEBHOOK_AND_TENANTS = Set.of("client-secret", "webhook-secret", "crm");

    /**
     * Logical id → what it must be. DynamoDB actions are on the connector's table and its indexes only; secrets are
     * parameters below the connector's SSM path (SamTemplateTest derives the same from each function's beans).
     */
    private static final Map<String, Deployment> EXPECTED = Map.ofEntries(
            entry("RelationUpsertFunction", new Deployment("relation-upsert", "POST /crm/relations",
                    FULL, APP_AND_TENANTS)),
            entry("InvoicePostingFunction", new Deployment("invoice-posting", "POST /crm/invoices",
                    FULL, APP_AND_TENANTS)),
            entry("ProjectSyncFunction", new Deployment("project-sync", "POST /crm/projects", FULL, APP_AND_TENANTS)),
            // Bulk upload: events, lane markers and the upload's items; no Exact call (docs/crm-contract.md).
            entry("RelationUploadFunction", new Deployment("relation-upload", "POST /crm/relations/uploads",
                    Set.of("GetItem", "PutItem", "UpdateItem"), TENANTS)),
            entry("UploadStatusFunction", new Deployment("relation-upload-status",
                    "GET /crm/relations/uploads/{uploadId}", Set.of("Query"), TENANTS)),
            entry("UploadAdminStatusFunction", new Deployment("relation-upload-admin-status",
                    "GET /admin/tenants/{tenant}/relations/uploads/{uploadId}", Set.of("Query"), TENANTS)),
            entry("ReceivablesReportFunction", new Deployment("receivables-report", "GET /crm/receivables",
                    READ_WRITE, APP_AND_TENANTS)),
            entry("ExactWebhookFunction", new Deployment("exact-webhook", "POST /exact/webhooks",
                    FULL, APP_WEBHOOK_AND_TENANTS)),
            entry("ConnectStartFunction", new Deployment("connect-start", "GET /exact/connect",
                    Set.of("PutItem"), APP_AND_TENANTS)),
            entry("ConnectCallbackFunction", new Deployment("connect-callback", "GET /exact/callback",
                    Set.of("GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query"), APP_AND_TENANTS)),
            // Scan: erasure of a relation and removal of a tenant (docs/data-retention.md).
            entry("TenantAdminFunction", new Deployment("tenant-admin", "ANY /admin/tenants/{tenant}/{proxy+}",
                    Set.of("GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan"), APP_AND_TENANTS)),
            // The console: the admin services without erasure and removal (so no Scan).
            entry("ConsoleFunction", new Deployment("console", "ANY /console/{proxy+}", FULL, APP_AND_TENANTS)),
            entry("EventReplayFunction", new Deployment("event-replay", "rate(1 minute)", FULL, APP_AND_TENANTS)),
            entry("CallbackDispatchFunction", new Deployment("callback-dispatch", "rate(1 minute)", FULL, TENANTS)),
            entry("OpenItemPollFunction", new Deployment("open-item-poll", "rate(1 minute)", FULL, APP_AND_TENANTS)),
            entry("ProjectCostsFunction", new Deployment("project-costs", "rate(15 minutes)", FULL, APP_AND_TENANTS)),
            entry("WebhookSubscriptionsFunction", new Deployment("exact-webhook-subscriptions", "rate(1 day)",
                    READ_WRITE, APP_AND_TENANTS)),
            entry("TokenKeepAliveFunction", new Deployment("token-keepalive", "rate(1 day)", READ_WRITE, APP)),
            entry("OpsMetricsFunction", new Deployment("ops-metrics", "rate(5 minutes)", READ, NONE)));

    private static final String TABLE = "{\"Fn::GetAtt\":[\"ConnectorTable\",\"Arn\"]}";
    private static final String INDEXES = "{\"Fn::Sub\":\"${ConnectorTable.Arn}/index/*\"}";
    private static final String SSM = "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter"
            + "${ExactSecretsParameterPath}";

    private static JsonNode resources;

    @BeforeAll
    static void readTemplate() throws IOException {
        resources = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of("template.yaml")))
                .get("Resources");
    }

    @Test
    void everyFunctionHasExactlyTheExportTriggerAndTableActionsListedHere() {
        Map<String, Deployment> deployed = new TreeMap<>();
        resources.fields().forEachRemaining(r -> {
            if (r.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                deployed.put(r.getKey(), deployment(r.getValue().path("Properties")));
            }
        });

        assertThat(deployed).isEqualTo(new TreeMap<>(EXPECTED));
    }

    @Test
    void everyGrantIsScopedToTheTableItsIndexesOrTheConnectorsOwnSecrets() {
        resources.fields().forEachRemaining(r -> {
            if (!r.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                return;
            }
            JsonNode statements = r.getValue().at("/Properties/Policies/0/Statement");
            for (JsonNode statement : statements) {
                assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
                Set<String> actions = actions(statement);
                List<String> scope = resourcesOf(statement);
                if (actions.stream().allMatch(a -> a.startsWith("dynamodb:"))) {
                    assertThat(scope).as("DynamoDB scope of %s", r.getKey()).containsExactlyInAnyOrder(TABLE, INDEXES);
                } else if (actions.equals(Set.of("lambda:InvokeFunction"))) {
                    assertThat(SamTemplateTest.FANNED_OUT).as("%s invokes a function", r.getKey())
                            .contains(r.getKey());
                } else if (actions.equals(Set.of("ssm:GetParameter"))) {
                    assertThat(scope).as("secrets read by %s", r.getKey()).isNotEmpty().isSubsetOf(
                            sub(SSM + "client-secret"), sub(SSM + "webhook-secret"));
                } else if (actions.equals(Set.of("ssm:GetParametersByPath"))) {
                    assertThat(scope).as("CRM tenant folders read by %s", r.getKey()).containsExactly(
                            sub(SSM + "crm/*"));
                } else {
                    // Nothing else is granted.
                    assertThat(actions).as("unexpected grant of %s", r.getKey()).isEmpty();
                }
            }
        });
    }

    /** What one function is: its Funqy export, its trigger, and the DynamoDB actions its policy grants. */
    record Deployment(String export, String trigger, Set<String> tableActions, Set<String> secrets) {

        Deployment {
            tableActions = new TreeSet<>(tableActions);
            secrets = new TreeSet<>(secrets);
        }
    }

    private static Deployment deployment(JsonNode properties) {
        List<String> triggers = new ArrayList<>();
        properties.path("Events").forEach(event -> {
            JsonNode p = event.path("Properties");
            switch (event.path("Type").asText()) {
                case "Api" -> triggers.add(p.path("Method").asText().toUpperCase(java.util.Locale.ROOT) + " "
                        + p.path("Path").asText());
                case "ScheduleV2", "Schedule" -> triggers.add(p.path("ScheduleExpression").asText(
                        p.path("Schedule").asText()));
                default -> triggers.add(event.path("Type").asText());
            }
        });
        assertThat(triggers).as("one trigger per function").hasSize(1);
        Set<String> table = new TreeSet<>();
        properties.at("/Policies/0/Statement").forEach(statement -> actions(statement).stream()
                .filter(a -> a.startsWith("dynamodb:")).map(a -> a.substring("dynamodb:".length()))
                .forEach(table::add));
        String listed = properties.at("/Environment/Variables/CONNECTOR_SECRETS").asText("");
        Set<String> secrets = listed.isBlank() ? Set.of() : Set.of(listed.split(","));
        return new Deployment(properties.at("/Environment/Variables/QUARKUS_FUNQY_EXPORT").asText(), triggers.get(0),
                table, secrets);
    }

    private static Set<String> actions(JsonNode statement) {
        Set<String> actions = new TreeSet<>();
        JsonNode action = statement.path("Action");
        if (action.isArray()) {
            action.forEach(a -> actions.add(a.asText()));
        } else {
            actions.add(action.asText());
        }
        return actions;
    }

    private static List<String> resourcesOf(JsonNode statement) {
        List<String> out = new ArrayList<>();
        JsonNode resource = statement.path("Resource");
        if (resource.isArray()) {
            resource.forEach(r -> out.add(r.toString()));
        } else {
            out.add(resource.toString());
        }
        return out;
    }

    private static String sub(String text) {
        return "{\"Fn::Sub\":\"" + text + "\"}";
    }
}
