package org.exactsync.lambda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.funqy.lambda.FunqyStreamHandler;
import io.quarkus.runtime.Quarkus;

import org.exactsync.time.Deadline;
import org.exactsync.time.InvocationDeadline;

/**
 * The Lambda handler of every function (template.yaml's {@code Handler}): Funqy's stream handler, run inside the
 * invocation's deadline. Funqy does not hand Lambda's {@link Context} to a function, so the deadline is set here, in
 * the {@link InvocationDeadline} bean the Exact client reads: the function's remaining time and, for an API Gateway
 * event, 29 s from the start of the invocation, whichever comes first.
 */
public class DeadlineStreamHandler implements RequestStreamHandler {

    private static final JsonFactory JSON = new JsonFactory();

    private final FunqyStreamHandler funqy = new FunqyStreamHandler();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        // Read whole to tell an HTTP route's event apart; Lambda hands at most 6 MB, API Gateway far less.
        byte[] event = input.readAllBytes();
        // Funqy starts the application on the first event; the beans below exist only after that.
        Quarkus.manualStart();
        ArcContainer arc = Arc.container();
        Clock clock = arc.instance(Clock.class).get();
        Deadline deadline = Deadline.ofInvocation(clock, Duration.ofMillis(context.getRemainingTimeInMillis()),
                isApiGatewayEvent(event), Duration.ofNanos(System.nanoTime() - started));
        try {
            arc.instance(InvocationDeadline.class).get().within(deadline, () -> {
                try {
                    funqy.handleRequest(new ByteArrayInputStream(event), output, context);
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** An API Gateway proxy event carries {@code httpMethod} and {@code requestContext} at its top level. */
    static boolean isApiGatewayEvent(byte[] event) {
        boolean method = false;
        boolean requestContext = false;
        try (JsonParser parser = JSON.createParser(event)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                method |= "httpMethod".equals(name) && value == JsonToken.VALUE_STRING;
                requestContext |= "requestContext".equals(name) && value == JsonToken.START_OBJECT;
                parser.skipChildren();
            }
        } catch (IOException notJson) {
            return false;
        }
        return method && requestContext;
    }
}
