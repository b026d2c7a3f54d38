package org.exactsync.flow.payment;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Exports the open-item poll, as {@code QUARKUS_FUNQY_EXPORT} does in its Lambda. */
public class OpenItemPollProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // A free port: other test JVMs on this machine may hold the default one.
        return Map.of("quarkus.funqy.export", "open-item-poll", "quarkus.lambda.mock-event-server.test-port", "0");
    }
}
