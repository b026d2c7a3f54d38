package org.exactsync.testsupport;

import jakarta.inject.Inject;

import org.exactsync.store.ConnectionStore;

import io.quarkus.funqy.Funq;

/**
 * Test-only function: Funqy refuses to start an application without any function, and the store tests must boot
 * Quarkus before the flows exist. Exported only by {@link StoreProbeProfile}; once several functions exist, the
 * default profile must name its export anyway ({@code quarkus.funqy.export}).
 */
public class StoreProbeFunction {

    @Inject
    ConnectionStore connections;

    @Funq("store-probe")
    public boolean storeProbe(String tenant) {
        return connections.find(tenant).isPresent();
    }
}
