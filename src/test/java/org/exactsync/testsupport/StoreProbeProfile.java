package org.exactsync.testsupport;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Exports {@link StoreProbeFunction}, so a store test boots whatever other functions the application has. */
public class StoreProbeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // Port 0: the mock event server must not collide with other test runs on the machine.
        return Map.of("quarkus.funqy.export", "store-probe", "quarkus.lambda.mock-event-server.test-port", "0");
    }
}
