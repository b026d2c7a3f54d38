package org.exactsync.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.exactsync.time.AdjustableClock;
import org.exactsync.time.Deadline;
import org.junit.jupiter.api.Test;

class DeadlineStreamHandlerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private final AdjustableClock clock = AdjustableClock.frozenAt(T0);

    @Test
    void everyFunctionOfTheTemplateRunsInsideTheDeadlineHandler() throws Exception {
        String handler = Files.readAllLines(Path.of("template.yaml")).stream().map(String::strip)
                .filter(line -> line.startsWith("Handler:")).findFirst().orElseThrow();

        assertThat(handler).isEqualTo("Handler: " + DeadlineStreamHandler.class.getName() + "::handleRequest");
        assertThat(RequestStreamHandler.class).isAssignableFrom(DeadlineStreamHandler.class);
    }

    @Test
    void tellsAnApiGatewayEventFromAScheduleOrADirectInvocation() {
        assertThat(DeadlineStreamHandler.isApiGatewayEvent(bytes("{\"resource\":\"/crm/invoices\",\"httpMethod\":"
                + "\"POST\",\"body\":\"{\\\"httpMethod\\\":1}\",\"requestContext\":{\"stage\":\"prod\"}}"))).isTrue();
        assertThat(DeadlineStreamHandler.isApiGatewayEvent(bytes("{\"source\":\"aws.events\",\"detail-type\":"
                + "\"Scheduled Event\",\"detail\":{\"httpMethod\":\"POST\",\"requestContext\":{}}}"))).isFalse();
        assertThat(DeadlineStreamHandler.isApiGatewayEvent(bytes("[1,2]"))).isFalse();
        assertThat(DeadlineStreamHandler.isApiGatewayEvent(bytes("not json"))).isFalse();
    }

    @Test
    void anHttpRouteEndsAtApiGatewaysLimitFromTheStartWhenTheFunctionHasLonger() {
        Deadline http = Deadline.ofInvocation(clock, Duration.ofSeconds(60), true, Duration.ofSeconds(3));
        Deadline schedule = Deadline.ofInvocation(clock, Duration.ofSeconds(60), false, Duration.ofSeconds(3));
        Deadline shortRoute = Deadline.ofInvocation(clock, Duration.ofSeconds(25), true, Duration.ofSeconds(3));

        assertThat(http.at()).isEqualTo(T0.plusSeconds(26));
        assertThat(schedule.at()).isEqualTo(T0.plusSeconds(60));
        assertThat(shortRoute.at()).isEqualTo(T0.plusSeconds(25));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
