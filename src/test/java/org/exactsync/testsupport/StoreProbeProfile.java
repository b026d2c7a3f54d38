package org.exactsync.testsupport;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Exports {@link StoreProbeFunction}, so a store test boots whatever other functions the application has. */
public class StoreProbeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.funqy.export", "store-probe");
    }
}
