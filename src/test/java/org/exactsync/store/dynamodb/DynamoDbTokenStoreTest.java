package org.exactsync.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.exact.port.TokenRecord;
import org.exactsync.testsupport.Race;
import org.exactsync.testsupport.TestDynamo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbTokenStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final TokenKey KEY = new TokenKey("acme", "https://start.exactonline.nl", "user-guid-1");

    private DynamoDbTokenStore store;

    @BeforeEach
    void freshTable() {
        TestDynamo dynamo = TestDynamo.shared();
        store = new DynamoDbTokenStore(dynamo.client(), dynamo.newTable("tokens"));
    }

    private TokenRecord consented() {
        return store.saveConsented(KEY, "access-1", NOW.plusSeconds(600), "refresh-1", NOW);
    }

    @Test
    void storesAConsentedChainAsVersionOneAndReadsItBack() {
        TokenRecord saved = consented();

        assertThat(saved.version()).isEqualTo(1);
        assertThat(store.find(KEY)).contains(saved);
        assertThat(saved.refreshToken()).isEqualTo("refresh-1");
        assertThat(saved.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(saved.leaseOwner()).isNull();
    }

    @Test
    void aNewConsentReplacesABrokenChainAndMovesTheVersionOn() {
        TokenRecord first = consented();
        store.markNeedsConsent(KEY, first.version(), "Old refresh token used");

        TokenRecord again = store.saveConsented(KEY, "access-2", NOW.plusSeconds(1200), "refresh-2",
                NOW.plusSeconds(600));

        assertThat(again.version()).isEqualTo(3);
        assertThat(again.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(again.statusReason()).isNull();
        assertThat(again.refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void letsExactlyOneOfEightConcurrentWorkersTakeTheRefreshLease() throws Exception {
        TokenRecord current = consented();

        List<Optional<TokenRecord>> leases = Race.run(8, () -> store.tryLease(KEY, current.version(),
                Thread.currentThread().getName(), NOW.plusSeconds(30), NOW));

        assertThat(leases).filteredOn(Optional::isPresent).hasSize(1);
        TokenRecord winner = leases.stream().flatMap(Optional::stream).findFirst().orElseThrow();
        assertThat(winner.version()).isEqualTo(current.version() + 1);
        assertThat(store.find(KEY).orElseThrow().leaseOwner()).isEqualTo(winner.leaseOwner());
    }

    @Test
    void refusesALeaseOnAStaleVersion() {
        TokenRecord current = consented();
        store.tryLease(KEY, current.version(), "worker-a", NOW.plusSeconds(30), NOW).orElseThrow();
        TokenRecord released = store.find(KEY).orElseThrow();
        store.releaseLease(KEY, released.version(), "worker-a");

        assertThat(store.tryLease(KEY, current.version(), "worker-b", NOW.plusSeconds(30), NOW)).isEmpty();
    }

    @Test
    void letsAnotherWorkerTakeOverAnExpiredLease() {
        TokenRecord current = consented();
        TokenRecord leased = store.tryLease(KEY, current.version(), "worker-a", NOW.plusSeconds(30), NOW)
                .orElseThrow();

        assertThat(store.tryLease(KEY, leased.version(), "worker-b", NOW.plusSeconds(60), NOW.plusSeconds(10)))
                .isEmpty();
        Optional<TokenRecord> takeover = store.tryLease(KEY, leased.version(), "worker-b", NOW.plusSeconds(90),
                NOW.plusSeconds(31));
        assertThat(takeover).map(TokenRecord::leaseOwner).contains("worker-b");
    }

    @Test
    void storesTheRefreshedPairAndReleasesTheLease() {
        TokenRecord leased = store.tryLease(KEY, consented().version(), "worker-a", NOW.plusSeconds(30), NOW)
                .orElseThrow();

        TokenRecord refreshed = store.saveRefreshed(KEY, leased.version(), "worker-a", "access-2",
                NOW.plusSeconds(1170), "refresh-2", NOW.plusSeconds(570)).orElseThrow();

        assertThat(refreshed.refreshToken()).isEqualTo("refresh-2");
        assertThat(refreshed.accessExpiresAt()).isEqualTo(NOW.plusSeconds(1170));
        assertThat(refreshed.refreshedAt()).isEqualTo(NOW.plusSeconds(570));
        assertThat(refreshed.leaseOwner()).isNull();
        assertThat(refreshed.leaseUntil()).isNull();
        assertThat(refreshed.version()).isEqualTo(leased.version() + 1);
    }

    @Test
    void refusesTheRefreshedPairOfAWorkerWhoseLeaseWasTakenOver() {
        TokenRecord leasedA = store.tryLease(KEY, consented().version(), "worker-a", NOW.plusSeconds(30), NOW)
                .orElseThrow();
        store.tryLease(KEY, leasedA.version(), "worker-b", NOW.plusSeconds(90), NOW.plusSeconds(31)).orElseThrow();

        Optional<TokenRecord> late = store.saveRefreshed(KEY, leasedA.version(), "worker-a", "access-a",
                NOW.plusSeconds(600), "refresh-a", NOW.plusSeconds(40));

        assertThat(late).isEmpty();
        assertThat(store.find(KEY).orElseThrow().refreshToken()).isEqualTo("refresh-1");
        assertThat(store.releaseLease(KEY, leasedA.version(), "worker-a")).isFalse();
    }

    @Test
    void refusesTheRefreshedPairFromAnotherOwnerWithTheRightVersion() {
        TokenRecord leased = store.tryLease(KEY, consented().version(), "worker-a", NOW.plusSeconds(30), NOW)
                .orElseThrow();

        assertThat(store.saveRefreshed(KEY, leased.version(), "worker-b", "x", NOW, "y", NOW)).isEmpty();
    }

    @Test
    void marksTheChainAsNeedingConsentOnlyFromTheVersionSeen() {
        TokenRecord current = consented();

        assertThat(store.markNeedsConsent(KEY, current.version() + 5, "stale")).isFalse();
        assertThat(store.markNeedsConsent(KEY, current.version(), "Old refresh token used")).isTrue();

        TokenRecord broken = store.find(KEY).orElseThrow();
        assertThat(broken.status()).isEqualTo(ConnectionStatus.NEEDS_CONSENT);
        assertThat(broken.statusReason()).isEqualTo("Old refresh token used");
    }

    @Test
    void keepsTheChainsOfTwoTenantsForTheSameExactUserApart() {
        consented();
        TokenKey otherTenant = new TokenKey("globex", KEY.site(), KEY.exactUser());
        store.saveConsented(otherTenant, "access-g", NOW.plusSeconds(600), "refresh-g", NOW);

        assertThat(store.find(KEY).orElseThrow().refreshToken()).isEqualTo("refresh-1");
        assertThat(store.find(otherTenant).orElseThrow().refreshToken()).isEqualTo("refresh-g");
        assertThat(store.find(new TokenKey("acme", "https://start.exactonline.be", KEY.exactUser()))).isEmpty();
    }

    @Test
    void neverShowsTokensInToString() {
        assertThat(consented().toString()).doesNotContain("access-1").doesNotContain("refresh-1");
    }
}
