package org.exactsync.testsupport;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.exactsync.local.LocalDynamoDb;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A started DynamoDB-protocol backend for tests: LocalStack in a container where Docker runs, dynalite otherwise.
 * System property {@code connector.test.dynamodb} ({@code dynalite} or {@code localstack}) forces one; a forced
 * LocalStack without Docker stops the run with a message saying so: whoever forces it wants LocalStack's verdict, and
 * a quiet dynalite run would pass for one.
 */
public final class DynamoBackend implements AutoCloseable {

    /** System property choosing the backend. */
    public static final String BACKEND_PROPERTY = "connector.test.dynamodb";

    private static final String SHARED_ENDPOINT = "connector.test.dynamodb.shared.endpoint";
    private static final String SHARED_REGION = "connector.test.dynamodb.shared.region";
    private static final String SHARED_KIND = "connector.test.dynamodb.shared.kind";
    private static final String SHARED_ACCESS_KEY = "connector.test.dynamodb.shared.access-key";
    private static final String SHARED_SECRET_KEY = "connector.test.dynamodb.shared.secret-key";
    private static final String LOCALSTACK_IMAGE = "localstack/localstack:4.0";

    private final String kind;
    private final URI endpoint;
    private final String region;
    private final String accessKey;
    private final String secretKey;
    private final AutoCloseable stopper;

    private DynamoBackend(String kind, URI endpoint, String region, String accessKey, String secretKey,
            AutoCloseable stopper) {
        this.kind = kind;
        this.endpoint = endpoint;
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.stopper = stopper;
    }

    /**
     * Starts the backend chosen by {@link #BACKEND_PROPERTY} and Docker's availability, or joins the one this JVM
     * already started: Quarkus loads test classes a second time in its own class loader, so a holder's static
     * instance is not enough to keep it to one backend per JVM; system properties are shared by both loaders.
     */
    public static synchronized DynamoBackend start() {
        String shared = System.getProperty(SHARED_ENDPOINT);
        if (shared != null) {
            return new DynamoBackend(System.getProperty(SHARED_KIND), URI.create(shared),
                    System.getProperty(SHARED_REGION), System.getProperty(SHARED_ACCESS_KEY),
                    System.getProperty(SHARED_SECRET_KEY), () -> { });
        }
        DynamoBackend started = startChosen();
        System.setProperty(SHARED_KIND, started.kind);
        System.setProperty(SHARED_REGION, started.region);
        // Fixed test credentials of a local backend, not secrets.
        System.setProperty(SHARED_ACCESS_KEY, started.accessKey);
        System.setProperty(SHARED_SECRET_KEY, started.secretKey);
        System.setProperty(SHARED_ENDPOINT, started.endpoint.toString());
        return started;
    }

    private static DynamoBackend startChosen() {
        boolean localstack = useLocalStack(System.getProperty(BACKEND_PROPERTY, "auto"), DynamoBackend::dockerAvailable);
        return localstack ? startLocalStack() : startDynalite();
    }

    /** The backend choice: forced by the property, else LocalStack exactly when Docker answers. */
    static boolean useLocalStack(String wanted, BooleanSupplier dockerAvailable) {
        return switch (wanted) {
            case "dynalite" -> false;
            case "localstack" -> {
                if (!dockerAvailable.getAsBoolean()) {
                    throw new IllegalStateException(BACKEND_PROPERTY + "=localstack, but Docker is not available: "
                            + "start Docker, or drop the property (or set it to dynalite) to run against dynalite");
                }
                yield true;
            }
            case "auto" -> dockerAvailable.getAsBoolean();
            default -> throw new IllegalArgumentException(BACKEND_PROPERTY + " must be dynalite or localstack, not "
                    + wanted);
        };
    }

    /** {@code dynalite} or {@code localstack}. */
    public String kind() {
        return kind;
    }

    public URI endpoint() {
        return endpoint;
    }

    public String region() {
        return region;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /**
     * A new synchronous client for this backend (URL-connection HTTP, as in the app), with {@code interceptors} on
     * every call (the benchmark times DynamoDB's share of a handler this way).
     */
    public DynamoDbClient newClient(ExecutionInterceptor... interceptors) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
        for (ExecutionInterceptor interceptor : interceptors) {
            override.addExecutionInterceptor(interceptor);
        }
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override.build())
                .build();
    }

    @Override
    public void close() throws Exception {
        stopper.close();
    }

    private static DynamoBackend startDynalite() {
        // Surefire runs tests in the module directory, where npm ci put node_modules.
        LocalDynamoDb dynalite = LocalDynamoDb.start(Path.of(""));
        return new DynamoBackend("dynalite", dynalite.endpoint(), "eu-west-1", "test", "test", dynalite);
    }

    private static DynamoBackend startLocalStack() {
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(LOCALSTACK_IMAGE))
                .withServices("dynamodb");
        container.start();
        return new DynamoBackend("localstack", container.getEndpoint(), container.getRegion(),
                container.getAccessKey(), container.getSecretKey(), container::stop);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException noDocker) {
            return false;
        }
    }
}
