package org.exactsync.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.exactsync.mapping.EntryFigures;
import org.exactsync.mapping.InvoicePaymentStatus;
import org.exactsync.mapping.PaymentStatus;
import org.exactsync.store.PaymentStateKey;
import org.exactsync.store.PaymentStateRecord;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbPaymentStateStoreTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    private static final PaymentStateKey KEY = new PaymentStateKey("acme#1", 123456, "inv#42%");

    private final AdjustableClock clock = AdjustableClock.frozenAt(START);
    private DynamoDbPaymentStateStore store;

    @BeforeEach
    void freshTable() {
        TestDynamo dynamo = TestDynamo.shared();
        store = new DynamoDbPaymentStateStore(dynamo.client(), dynamo.newTable("payments"), clock);
    }

    @Test
    void storesAndReadsBackEveryField() {
        PaymentStatus sent = new PaymentStatus(InvoicePaymentStatus.PARTIALLY_PAID, new BigDecimal("710"),
                new BigDecimal("500.00"), LocalDate.of(2026, 11, 25));
        PaymentStateRecord record = new PaymentStateRecord(KEY, new BigDecimal("710.00"), new BigDecimal("1210.00"),
                LocalDate.of(2026, 11, 25), Map.of("cn-1", new BigDecimal("20.50")), "term-1", sent,
                new BigDecimal("1210.00"), new EntryFigures(new BigDecimal("1100.00"), LocalDate.of(2026, 12, 20),
                        false, false), null, 0);

        PaymentStateRecord saved = store.save(record).orElseThrow();
        PaymentStateRecord read = store.find(KEY).orElseThrow();

        assertThat(saved.version()).isEqualTo(1);
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.updatedAt()).isEqualTo(START);
        assertThat(read.observedOpen()).isEqualByComparingTo("710.00");
        assertThat(read.lastPaymentDate()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(read.creditsApplied().get("cn-1")).isEqualByComparingTo("20.50");
        assertThat(read.lastSent().sameAs(sent)).isTrue();
        assertThat(read.observedTotal()).isEqualByComparingTo("1210.00");
        assertThat(read.sentTotal()).isEqualByComparingTo("1210.00");
        assertThat(read.termId()).isEqualTo("term-1");
        assertThat(read.reported()).isEqualTo(new EntryFigures(new BigDecimal("1100"), LocalDate.of(2026, 12, 20),
                false, false));
    }

    @Test
    void aTermPointsBackToItsDocument() {
        store.linkTerm("t1", 100001, "ABC-term", "inv-9");

        assertThat(store.documentOfTerm("t1", 100001, "abc-term")).contains("inv-9");
        assertThat(store.documentOfTerm("t1", 100002, "abc-term")).isEmpty();
        assertThat(store.documentOfTerm("t2", 100001, "abc-term")).isEmpty();
    }

    @Test
    void aStaleVersionLosesAndASecondCreateLoses() {
        PaymentStateRecord fresh = PaymentStateRecord.fresh(KEY);
        PaymentStateRecord first = store.save(fresh).orElseThrow();

        assertThat(store.save(fresh)).isEmpty();
        PaymentStateRecord second = store.save(first).orElseThrow();
        assertThat(second.version()).isEqualTo(2);
        assertThat(store.save(first)).isEmpty();
        assertThat(store.find(KEY).orElseThrow().lastSent()).isNull();
        assertThat(store.find(new PaymentStateKey("acme", 123456, "inv#42%"))).isEmpty();
    }
}
