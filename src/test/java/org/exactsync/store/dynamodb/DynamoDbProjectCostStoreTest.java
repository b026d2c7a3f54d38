package org.exactsync.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.exactsync.store.CostLine;
import org.exactsync.store.ProjectCosts;
import org.exactsync.store.ProjectCostsKey;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbProjectCostStoreTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    private static final ProjectCostsKey SHOP = new ProjectCostsKey("acme", 100001, "prj#7");
    private static final CostLine CABINETS = new CostLine("l-1", "e-1", 26600001, LocalDate.of(2026, 11, 20),
            "Bouwbedrijf Stevig", "60001", "4010", new BigDecimal("1000.00"), "Kasten");
    private static final CostLine CREDIT = new CostLine("l-2", "e-2", null, null, null, null, "4010",
            new BigDecimal("-100.50"), null);

    private final AdjustableClock clock = AdjustableClock.frozenAt(START);
    private DynamoDbProjectCostStore store;

    @BeforeEach
    void freshTable() {
        TestDynamo dynamo = TestDynamo.shared();
        store = new DynamoDbProjectCostStore(dynamo.client(), dynamo.newTable("project-costs"), clock);
    }

    @Test
    void storesAndReadsBackEveryFieldOfTheLinesExactly() {
        ProjectCosts saved = store.save(new ProjectCosts(SHOP, "P2026007", List.of(CABINETS, CREDIT), null, 0))
                .orElseThrow();

        assertThat(saved.version()).isEqualTo(1);
        assertThat(store.find(SHOP)).contains(new ProjectCosts(SHOP, "P2026007", List.of(CABINETS, CREDIT), START,
                1));
        assertThat(store.find(SHOP).orElseThrow().total()).isEqualTo(new BigDecimal("899.50"));
    }

    @Test
    void aSecondFirstSaveAndAStaleVersionLose() {
        ProjectCosts first = store.save(new ProjectCosts(SHOP, "P2026007", List.of(CABINETS), null, 0)).orElseThrow();

        assertThat(store.save(new ProjectCosts(SHOP, "P2026007", List.of(CREDIT), null, 0))).isEmpty();
        assertThat(store.save(new ProjectCosts(SHOP, "P2026007", List.of(CREDIT), null, first.version())))
                .isPresent();
        assertThat(store.save(new ProjectCosts(SHOP, "P2026007", List.of(), null, first.version()))).isEmpty();
        assertThat(store.find(SHOP).orElseThrow().lines()).containsExactly(CREDIT);
    }

    @Test
    void listsTheDivisionsProjectsOnly() {
        store.save(new ProjectCosts(SHOP, "P2026007", List.of(CABINETS), null, 0)).orElseThrow();
        store.save(new ProjectCosts(new ProjectCostsKey("acme", 100001, "prj-8"), "P2026008", List.of(), null, 0))
                .orElseThrow();
        store.save(new ProjectCosts(new ProjectCostsKey("acme", 100002, "prj-9"), "P2026009", List.of(), null, 0))
                .orElseThrow();

        assertThat(store.findAll("acme", 100001)).extracting(c -> c.key().projectId())
                .containsExactlyInAnyOrder("prj#7", "prj-8");
        assertThat(store.findAll("other", 100001)).isEmpty();
    }
}
