package org.exactsync.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.exactsync.flow.connect.ConnectFixture;
import org.exactsync.mapping.LedgerMapping;
import org.exactsync.sandbox.master.MasterDataSeed;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.SyncMode;
import org.exactsync.store.dynamodb.DynamoDbLedgerMappingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The local run restarted against an Exact site that is not its bundled sandbox. A sandbox over HTTP plays that site:
 * the local run did not start it, so to the local run it is "real Exact" (consent through the connect routes, the
 * store kept between runs).
 */
class LocalRestartAgainstRealSiteTest {

    private final ConnectFixture fx = new ConnectFixture();
    private final DynamoDbLedgerMappingStore ledgers = new DynamoDbLedgerMappingStore(fx.dynamo.client(), fx.table,
            fx.clock);

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aRestartKeepsTheOperatorsSelectionDefaultsAndModeAndSeedsNothing() throws Exception {
        fx.connect(ConnectFixture.TENANT);
        ledgers.save(ConnectFixture.TENANT, 100002, LedgerMapping.dutchStandard(), 0).orElseThrow();
        ConnectionRecord chosen = operatorChooses(List.of(100002), List.of(100002), SyncMode.LIVE);

        boolean shown = restart(Optional.empty()).startOnSite(fx.sandbox.baseUrl());
        int seeded = LocalLedgerSeed.seed(ledgers, ConnectFixture.TENANT, false);

        ConnectionRecord after = fx.connections.find(ConnectFixture.TENANT).orElseThrow();
        assertThat(shown).isTrue();
        assertThat(after.divisions()).containsExactly(100002);
        assertThat(after.defaultDivisions()).containsExactly(100002);
        assertThat(after.mode()).isEqualTo(SyncMode.LIVE);
        assertThat(after.version()).as("not even rewritten").isEqualTo(chosen.version());
        assertThat(seeded).isZero();
        assertThat(ledgers.find(ConnectFixture.TENANT, 100001)).as("nothing of the sandbox's seed").isEmpty();
        assertThat(ledgers.find(ConnectFixture.TENANT, 200001)).isEmpty();
    }

    @Test
    void anExplicitStartModeChangesOnlyTheModeAndGoesLiveOnlyThroughTheGoLiveChecks() throws Exception {
        fx.connect(ConnectFixture.TENANT);
        operatorChooses(List.of(100002, 200001), List.of(200001), SyncMode.DRY_RUN);
        LedgerMapping standard = LedgerMapping.dutchStandard();
        ledgers.save(ConnectFixture.TENANT, 100002, new LedgerMapping("90", standard.revenueAccounts(),
                standard.vatCodes(), standard.defaultRevenueAccount()), 0).orElseThrow();

        restart(Optional.of(SyncMode.LIVE)).startOnSite(fx.sandbox.baseUrl());
        SyncMode withAMappingError = fx.connections.find(ConnectFixture.TENANT).orElseThrow().mode();
        ledgers.save(ConnectFixture.TENANT, 100002, standard, 1).orElseThrow();
        restart(Optional.of(SyncMode.LIVE)).startOnSite(fx.sandbox.baseUrl());

        ConnectionRecord after = fx.connections.find(ConnectFixture.TENANT).orElseThrow();
        assertThat(withAMappingError).as("journal 90 does not exist").isEqualTo(SyncMode.DRY_RUN);
        assertThat(after.mode()).isEqualTo(SyncMode.LIVE);
        assertThat(after.divisions()).containsExactly(100002, 200001);
        assertThat(after.defaultDivisions()).containsExactly(200001);
    }

    @Test
    void theLocalModeAppliesToTheFirstConsentAfterStart() throws Exception {
        LocalConnection local = restart(Optional.of(SyncMode.LIVE));
        assertThat(local.startOnSite(fx.sandbox.baseUrl())).as("not connected yet: a link is printed").isFalse();

        fx.connect(ConnectFixture.TENANT);
        local.consented(fx.consents.get(0));

        assertThat(fx.connections.find(ConnectFixture.TENANT).orElseThrow().mode()).isEqualTo(SyncMode.LIVE);
    }

    @Test
    void theBundledSandboxIsSeededOnlyWhenItServesTheRun() {
        assertThat(LocalLedgerSeed.seed(ledgers, "demo", true)).isEqualTo(MasterDataSeed.defaultDivisions().size());
        assertThat(LocalLedgerSeed.seed(ledgers, "real", false)).isZero();
        assertThat(ledgers.find("real", 100001)).isEmpty();
    }

    private LocalConnection restart(Optional<SyncMode> startMode) {
        return new LocalConnection(ConnectFixture.TENANT, startMode, fx.sandbox.clientId(), fx.connections,
                fx.discovered, fx.client, fx.ledgerAdmin());
    }

    private ConnectionRecord operatorChooses(List<Integer> divisions, List<Integer> defaults, SyncMode mode) {
        ConnectionRecord c = fx.connections.find(ConnectFixture.TENANT).orElseThrow();
        return fx.connections.save(new ConnectionRecord(c.tenant(), c.site(), c.exactUser(), c.clientId(), divisions,
                defaults, c.status(), mode, c.createdAt(), c.updatedAt(), c.version())).orElseThrow();
    }
}
