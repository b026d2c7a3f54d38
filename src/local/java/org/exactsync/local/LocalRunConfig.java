package org.exactsync.local;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of the local run ({@code ./run-local}, Quarkus dev mode). Ignored in the cloud. */
@ConfigMapping(prefix = "connector.local")
public interface LocalRunConfig {

    /** Whether the local runtime starts the store and the sandbox at start-up. Default false; dev mode sets true. */
    @WithDefault("false")
    boolean enabled();

    /** Port of the local DynamoDB (dynalite); must match {@code quarkus.dynamodb.endpoint-override}. Default 8000. */
    @WithDefault("8000")
    int dynamodbPort();

    /**
     * Where dynalite keeps its data between runs against real Exact, relative to the project directory. Default
     * {@code .local/dynamodb}. With the sandbox (in memory) the store is in memory too.
     */
    @WithDefault(".local/dynamodb")
    String dynamodbDataDir();

    /** Port of the bundled Exact Online sandbox; must match {@code exact.site-url} in dev mode. Default 8091. */
    @WithDefault("8091")
    int sandboxPort();

    /**
     * Port of the https listener that takes Exact's webhook calls ({@code /exact/webhooks}; Exact calls https only),
     * with the sandbox's test certificate; {@code connector.exact-webhook.callback-url} points at it. Default 8092.
     */
    @WithDefault("8092")
    int webhookPort();

    /**
     * Whether to serve Exact from the bundled sandbox. Default true. The sandbox is used only while the configured
     * client id is {@link #sandboxClientId()}: configuring real Exact credentials (README) switches it off.
     */
    @WithDefault("true")
    boolean sandbox();

    /** The client id of the sandbox's app, used while no real Exact credentials are configured. */
    @WithDefault("local-client")
    String sandboxClientId();

    /**
     * Sets the local tenant's go-live switch at start: {@code dry-run} or {@code live}. Absent keeps the stored mode;
     * a new connection starts in dry run, as it would for a real business.
     */
    Optional<String> mode();

    /** The tenant the local run connects. Default {@code default} (the CRM contract's default tenant). */
    @WithDefault("default")
    String tenant();
}
