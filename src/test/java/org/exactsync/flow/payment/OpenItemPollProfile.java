package org.exactsync.flow.payment;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Exports the open-item poll, as {@code QUARKUS_FUNQY_EXPORT} does in its Lambda. */
public class OpenItemPollProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // A free port: other test JVMs on this machine may hold the default one. A sweep on every tick: the test
        // drives the sweep path through the Lambda (the schedule's timing is OpenItemPoll's own tests' business).
        return Map.of("quarkus.funqy.export", "open-item-poll", "quarkus.lambda.mock-event-server.test-port", "0",
                "connector.payment.sweep-interval", "0s");
    }
}
