package org.exactsync.local;

import io.quarkus.arc.profile.IfBuildProfile;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.exactsync.mapping.LedgerMapping;
import org.exactsync.sandbox.master.MasterDataSeed;
import org.exactsync.store.LedgerMappingStore;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Local run against the bundled sandbox: gives the local tenant's sandbox divisions the ledger mapping that fits the
 * sandbox's seeded master data (journal 70, GL 8000/8010/8100, VAT codes 0–6), unless one is stored already, so
 * {@code POST /crm/invoices} books without a configuration step. Only while the bundled sandbox serves the run:
 * against a real Exact site (real credentials configured) nothing is seeded, whatever {@code connector.local.sandbox}
 * says; a real tenant configures its own mapping.
 */
// Built into dev mode only (./run-local): a deployed function must not create or even know these beans.
@IfBuildProfile("dev")
@ApplicationScoped
public class LocalLedgerSeed {

    private static final Logger LOG = Logger.getLogger(LocalLedgerSeed.class);

    private final LocalRunConfig local;
    private final LedgerMappingStore ledgers;
    private final LocalRuntime runtime;

    LocalLedgerSeed(LocalRunConfig local, LedgerMappingStore ledgers, LocalRuntime runtime) {
        this.local = local;
        this.ledgers = ledgers;
        this.runtime = runtime;
    }

    // After LocalRuntime (priority 1) created the table and started the sandbox (or found real Exact configured).
    void onStart(@Observes @Priority(2) StartupEvent event) {
        if (local.enabled()) {
            seed(ledgers, local.tenant(), runtime.sandbox().isPresent());
        }
    }

    /** Seeds the sandbox's divisions when {@code bundledSandbox}; the number of mappings written. */
    static int seed(LedgerMappingStore ledgers, String tenant, boolean bundledSandbox) {
        if (!bundledSandbox) {
            return 0;
        }
        int seeded = 0;
        for (var profile : MasterDataSeed.defaultDivisions()) {
            if (ledgers.find(tenant, profile.code()).isEmpty()) {
                ledgers.save(tenant, profile.code(), LedgerMapping.dutchStandard(), 0);
                LOG.infof("ledger mapping seeded for division %d", profile.code());
                seeded++;
            }
        }
        return seeded;
    }
}
