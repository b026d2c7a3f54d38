package org.exactsync.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.exactsync.testsupport.TestDynamo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbWebhookReceiptsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private DynamoDbWebhookReceipts receipts;

    @BeforeEach
    void freshTable() {
        TestDynamo dynamo = TestDynamo.shared();
        receipts = new DynamoDbWebhookReceipts(dynamo.client(), dynamo.newTable("receipts"));
    }

    @Test
    void theFirstDeliveryWinsAndARepeatIsADuplicatePerDivision() {
        Instant expires = NOW.plus(Duration.ofDays(7));

        assertThat(receipts.firstDelivery(100001, "abc", NOW, expires)).isTrue();
        assertThat(receipts.firstDelivery(100001, "abc", NOW.plusSeconds(5), expires)).isFalse();
        assertThat(receipts.firstDelivery(100002, "abc", NOW, expires)).isTrue();
        assertThat(receipts.firstDelivery(100001, "abd", NOW, expires)).isTrue();
    }

    @Test
    void anExpiredReceiptCountsAsAbsent() {
        receipts.firstDelivery(100001, "abc", NOW, NOW.plusSeconds(60));

        assertThat(receipts.firstDelivery(100001, "abc", NOW.plusSeconds(120), NOW.plusSeconds(180))).isTrue();
    }
}
