package org.exactsync.flow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingRecord;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.Test;

/**
 * The claim trusts the caller's earlier read of the INVOICE mapping to save a round trip; these cases show that a
 * read gone stale meanwhile can never hand out a second claim, on the real DynamoDB protocol.
 */
class InvoiceClaimsTest {

    private final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-27T09:00:00Z"));
    private final TestDynamo dynamo = TestDynamo.shared();
    private final DynamoDbMappingStore mappings = new DynamoDbMappingStore(dynamo.client(), dynamo.newTable("claims"),
            clock);
    private final InvoiceClaims claims = new InvoiceClaims(new org.exactsync.flow.write.OrderedWrites(mappings, clock));
    private final MappingKey key = new MappingKey("default", 100001, EntityKind.INVOICE, "inv-1");
    private final Map<String, String> planned = Map.of("total", "121.00");

    @Test
    void aStaleReadOfNothingDoesNotClaimAnInvoiceAnotherWorkerHasJustClaimed() {
        Optional<MappingRecord> readBeforeTheOtherWorker = mappings.find(key);
        assertThat(claims.claim(key, mappings.find(key), planned, "evt-other")).isInstanceOf(Claim.Fresh.class);

        Claim mine = claims.claim(key, readBeforeTheOtherWorker, planned, "evt-mine");

        assertThat(mine).isInstanceOf(Claim.Busy.class);
    }

    @Test
    void aStaleReadOfAnExpiredLeaseDoesNotTakeOverOnceAnotherWorkerTookItOver() {
        claims.claim(key, mappings.find(key), planned, "evt-first");
        clock.advance(org.exactsync.flow.write.OrderedWrites.LEASE.plus(Duration.ofSeconds(1)));
        Optional<MappingRecord> expiredAsIRead = mappings.find(key);
        assertThat(claims.claim(key, mappings.find(key), planned, "evt-other")).isInstanceOf(Claim.TakenOver.class);

        Claim mine = claims.claim(key, expiredAsIRead, planned, "evt-mine");

        assertThat(mine).isInstanceOf(Claim.Busy.class);
    }

    @Test
    void aCurrentReadOfAnExpiredLeaseTakesItOver() {
        claims.claim(key, mappings.find(key), planned, "evt-first");
        clock.advance(org.exactsync.flow.write.OrderedWrites.LEASE.plus(Duration.ofSeconds(1)));

        assertThat(claims.claim(key, mappings.find(key), planned, "evt-mine")).isInstanceOf(Claim.TakenOver.class);
    }
}
