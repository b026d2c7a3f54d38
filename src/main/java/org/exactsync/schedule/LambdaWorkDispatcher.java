package org.exactsync.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * Hands each work item to an asynchronous invocation of the running function ({@code InvocationType=Event}): Lambda
 * queues it, runs it within the function's reserved concurrency, retries a failed run and sends one that keeps failing
 * to the function's dead-letter queue. The item is the invocation's input, so the worker is the same code and version
 * as the planner. An item Lambda refuses (after the SDK's retries) is reported as refused.
 */
public class LambdaWorkDispatcher implements WorkDispatcher {

    private static final Logger LOG = Logger.getLogger(LambdaWorkDispatcher.class);

    private final Supplier<LambdaClient> lambda;
    private final String functionName;
    private final String qualifier;
    private final ObjectMapper json;

    /**
     * @param lambda       the client, made on first use (a worker invocation never needs one)
     * @param functionName the running function's name
     * @param qualifier    its published version (SnapStart runs versions), or null for {@code $LATEST}
     */
    public LambdaWorkDispatcher(Supplier<LambdaClient> lambda, String functionName, String qualifier,
            ObjectMapper json) {
        this.lambda = lambda;
        this.functionName = functionName;
        this.qualifier = qualifier == null || qualifier.equals("$LATEST") ? null : qualifier;
        this.json = json;
    }

    @Override
    public <R> Dispatched<R> dispatch(List<WorkItem> items, Function<WorkItem, R> localWorker) {
        List<WorkItem> refused = new ArrayList<>();
        for (WorkItem item : items) {
            try {
                InvokeRequest.Builder request = InvokeRequest.builder()
                        .functionName(functionName)
                        .invocationType(InvocationType.EVENT)
                        .payload(SdkBytes.fromUtf8String(payload(item)));
                if (qualifier != null) {
                    request.qualifier(qualifier);
                }
                lambda.get().invoke(request.build());
            } catch (SdkException failed) {
                LOG.warnf("work item %s not handed out: %s", item.label(), failed.getClass().getSimpleName());
                refused.add(item);
            }
        }
        return new Dispatched<>(refused, List.of());
    }

    private String payload(WorkItem item) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("round", item.round());
        input.put("tenant", item.tenant());
        if (item.division() != null) {
            input.put("division", item.division());
        }
        try {
            return json.writeValueAsString(input);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("work item not serialisable", impossible);
        }
    }
}
