package org.exactsync.flow.admin;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Exports the tenant admin function, as {@code QUARKUS_FUNQY_EXPORT} does in its Lambda. */
public class TenantAdminProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // A free port: other test JVMs on this machine may hold the default one.
        return Map.of("quarkus.funqy.export", "tenant-admin", "quarkus.lambda.mock-event-server.test-port", "0",
                "connector.connect.public-url", "https://api.example.test");
    }
}
