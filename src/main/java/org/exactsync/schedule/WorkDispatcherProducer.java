package org.exactsync.schedule;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.DefaultBean;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The fan-out for this process: asynchronous self-invocation inside Lambda (the runtime sets
 * {@code AWS_LAMBDA_FUNCTION_NAME}), in process everywhere else.
 */
@ApplicationScoped
public class WorkDispatcherProducer {

    @Produces
    @ApplicationScoped
    @DefaultBean
    WorkDispatcher dispatcher(AwsRuntimeConfig aws, FanoutConfig fanout, ObjectMapper json) {
        Optional<String> functionName = aws.lambda().function().name();
        Optional<String> version = aws.lambda().function().version();
        Optional<String> region = aws.region();
        if (functionName.isEmpty()) {
            return new InProcessWorkDispatcher(fanout.localConcurrency());
        }
        // Made on the first dispatch only: worker invocations and the HTTP functions never build it.
        Lazy<LambdaClient> client = new Lazy<>(() -> LambdaClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(region.orElseThrow(() -> new IllegalStateException("AWS_REGION is not set"))))
                .build());
        return new LambdaWorkDispatcher(client, functionName.get(), version.orElse(null), json);
    }
}
