package org.exactsync.local;

import io.quarkus.arc.profile.IfBuildProfile;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Clock;
import org.exactsync.config.ExactConfig;
import org.exactsync.exact.ExactOnline;
import org.exactsync.flow.admin.LedgerMappingAdmin;
import org.exactsync.flow.connect.ConnectionSetup;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.finance.LocalReceiverTls;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.SyncMode;
import org.exactsync.store.dynamodb.TableBootstrap;
import org.exactsync.time.Sleeper;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local run on embedded defaults: before anything else starts a local DynamoDB (dynalite) and creates the table,
 * starts the bundled Exact Online sandbox (unless real Exact is configured), connects the local tenant through OAuth
 * and shows the connection working by listing the divisions through the connector's own Exact client.
 *
 * <p>Active only when {@code connector.local.enabled=true} (set for dev mode in application.properties).
 */
// Built into dev mode only (./run-local): a deployed function must not create or even know these beans.
@IfBuildProfile("dev")
@ApplicationScoped
public class LocalRuntime {

    private static final Logger LOG = Logger.getLogger(LocalRuntime.class);

    private final LocalRunConfig local;
    private final ExactConfig exact;
    private final DynamoDbClient dynamo;
    private final ExactOnline exactOnline;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String table;
    private final org.exactsync.flow.connect.ConnectLinks connectLinks;
    private final LocalConnection connection;
    private final org.exactsync.console.ConsoleLinks consoleLinks;

    private LocalDynamoDb localDynamo;
    private ExactSandbox sandbox;

    LocalRuntime(LocalRunConfig local, ExactConfig exact, DynamoDbClient dynamo, ConnectionStore connections,
            ExactOnline exactOnline, Clock clock, Sleeper sleeper,
            @org.exactsync.store.dynamodb.TableName String table,
            org.exactsync.flow.connect.ConnectLinks connectLinks,
            org.exactsync.store.DiscoveredDivisionStore discovered, LedgerMappingAdmin ledgers,
            org.exactsync.console.ConsoleLinks consoleLinks) {
        this.consoleLinks = consoleLinks;
        this.connectLinks = connectLinks;
        this.connection = new LocalConnection(local.tenant(), local.mode().filter(m -> !m.isBlank())
                .map(LocalRuntime::parseMode), exact.clientId(), connections, discovered, exactOnline, ledgers);
        this.local = local;
        this.exact = exact;
        this.dynamo = dynamo;
        this.exactOnline = exactOnline;
        this.clock = clock;
        this.sleeper = sleeper;
        this.table = table;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) throws Exception {
        if (!local.enabled()) {
            return;
        }
        Path projectDir = Path.of("").toAbsolutePath();
        boolean useSandbox = local.sandbox() && exact.clientId().equals(local.sandboxClientId());
        // The sandbox lives in memory and starts empty every run, so the store must too: mappings kept from an
        // earlier run would point at Exact GUIDs this sandbox never had. Against real Exact the store is kept
        // (token chain, mappings, events).
        localDynamo = LocalDynamoDb.startOnPort(projectDir,
                useSandbox ? null : projectDir.resolve(local.dynamodbDataDir()), local.dynamodbPort());
        new TableBootstrap(dynamo, table, sleeper).ensureTable();
        LOG.infof("Local DynamoDB (dynalite) on %s, table %s, %s", localDynamo.endpoint(), table,
                useSandbox ? "in memory like the sandbox" : "kept in " + local.dynamodbDataDir());

        if (useSandbox) {
            sandbox = ExactSandbox.builder().port(local.sandboxPort()).clock(clock)
                    .client(exact.clientId(), exact.clientSecret(), exact.redirectUri())
                    .webhookSecret(exact.webhookSecret())
                    // Trusts the local gateway's https webhook listener (its test certificate) and nothing else.
                    .webhookTls(LocalReceiverTls.clientContext()).build().start();
            LOG.infof("Exact Online sandbox on %s (site URL the connector uses: %s)", sandbox.baseUrl(),
                    exact.siteUrl());
        }
        showConnection();
        // Single use and valid minutes only: GET /local/console on the local gateway hands out a fresh one.
        LOG.infof("Operator console of tenant '%s' (open once, within 10 minutes; a fresh link any time: GET"
                + " /local/console on the local gateway): %s", local.tenant(),
                consoleLinks.signInUrl(local.tenant()).orElse("(tenant has no admin secret)"));
    }

    private void showConnection() {
        if (sandbox != null) {
            // The sandbox starts empty on every run, so tokens kept from an earlier run mean nothing to it: consent
            // again (the sandbox consents at once) and store the fresh chain.
            String code = SandboxConsent.authorize(exact.siteUrl(), exact.clientId(), exact.redirectUri());
            connection.startOnSandbox(exactOnline.connect(local.tenant(), code));
        } else if (!connection.startOnSite(exact.siteUrl())) {
            // The signed link (valid 15 minutes) leads through GET /exact/connect on the local gateway to Exact.
            LOG.infof("Tenant '%s' is not connected to Exact yet (or needs consent). Open within 15 minutes: %s",
                    local.tenant(), connectLinks.startUrl(local.tenant()).orElse("(tenant has no inbound secret)"));
        }
    }

    /** A consent through the connect routes while the local run is up (the first one takes the local mode). */
    void onConsent(@Observes ConnectionSetup.Connected connected) {
        if (local.enabled()) {
            connection.consented(connected);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (sandbox != null) {
            sandbox.close();
        }
        if (localDynamo != null) {
            localDynamo.close();
        }
    }

    private static SyncMode parseMode(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "live" -> SyncMode.LIVE;
            case "dry-run" -> SyncMode.DRY_RUN;
            default -> throw new IllegalArgumentException("connector.local.mode must be dry-run or live, not " + value);
        };
    }

    /** The bundled sandbox while it serves the local run (empty against real Exact or before start). */
    public java.util.Optional<ExactSandbox> sandbox() {
        return java.util.Optional.ofNullable(sandbox);
    }
}
