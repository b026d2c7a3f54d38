package org.exactsync.store.dynamodb;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SnapStart priming of the DynamoDB client (org.exactsync.snapstart.SnapStartPriming): the request kinds the adapters
 * make, built, marshalled and signed on a throwaway client, each stopped before it is sent. No network, no table.
 */
public final class DynamoDbPriming {

    private DynamoDbPriming() {
    }

    /** Builds and stops a GetItem, a conditional PutItem and UpdateItem, and an index Query. */
    public static void prime() {
        // Builds real requests (marshalling, endpoint rules, signing) and stops each before it is sent.
        ExecutionInterceptor stop = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(software.amazon.awssdk.core.interceptor.Context.BeforeTransmission c,
                    ExecutionAttributes attributes) {
                throw new PrimingStop();
            }
        };
        try (DynamoDbClient dynamo = DynamoDbClient.builder().region(Region.EU_WEST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(stop)
                        .retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("priming"), "sk",
                    AttributeValue.fromS("priming"));
            attempt(() -> dynamo.getItem(r -> r.tableName("priming").key(key).consistentRead(true)));
            attempt(() -> dynamo.putItem(r -> r.tableName("priming").item(key)
                    .conditionExpression("attribute_not_exists(pk)")));
            attempt(() -> dynamo.updateItem(r -> r.tableName("priming").key(key)
                    .updateExpression("SET #v = :v").conditionExpression("#v < :v")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("1")))));
            attempt(() -> dynamo.query(r -> r.tableName("priming").indexName("gsi1")
                    .keyConditionExpression("gsi1pk = :p").expressionAttributeValues(Map.of(":p",
                            AttributeValue.fromS("priming")))));
        }
    }

    private static void attempt(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException expected) {
            // PrimingStop, as the SDK passes it on: the request was built and signed, and not sent.
        }
    }

    /** Stops a primed request before transmission. */
    private static final class PrimingStop extends RuntimeException {

        PrimingStop() {
            super("priming: not sent", null, false, false);
        }
    }
}
