package org.exactsync.flow.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exactsync.flow.project.ProjectFlowFixture.DIVISION_A;
import static org.exactsync.flow.project.ProjectFlowFixture.DIVISION_B;
import static org.exactsync.flow.project.ProjectFlowFixture.project;
import static org.exactsync.flow.project.ProjectFlowFixture.results;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exactsync.sandbox.finance.SandboxFinance;
import org.exactsync.store.ProjectCostsKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The purchases read-back against the Exact sandbox's transaction-line sync feed, with its state in DynamoDB. */
class ProjectCostsAgainstSandboxTest {

    private static final String FEED = "sync/Financial/TransactionLines";

    private final ProjectFlowFixture flow = new ProjectFlowFixture();
    private String shop;
    private String office;
    private UUID supplier;

    @BeforeEach
    void twoProjectsInDivisionA() {
        ProjectSyncHandler handler = flow.handler();
        shop = results(flow.process(handler, project("prj-7", "P2026-007", "Winkel", true), DIVISION_A)).get(0)
                .code();
        office = results(flow.process(handler, project("prj-8", "P2026-008", "Kantoor", true), DIVISION_A)).get(0)
                .code();
        supplier = flow.supplier(DIVISION_A, "Bouwbedrijf Stevig");
        flow.sent.clear();
    }

    @AfterEach
    void stop() {
        flow.close();
    }

    @Test
    void purchasesAndAPurchaseCreditNoteComeBackWithTheRightTotalPerProject() {
        flow.purchase(DIVISION_A, supplier, shop, "1000.00", "Kasten");
        flow.purchase(DIVISION_A, supplier, shop, "250.50", "Verlichting");
        flow.purchase(DIVISION_A, supplier, shop, "-100.00", "Creditnota kasten");
        flow.purchase(DIVISION_A, supplier, office, "80.00", "Bureaustoel");
        // Not on a project's cost center: never reported.
        flow.purchase(DIVISION_A, supplier, "100", "999.00", "Algemeen");

        ProjectCostsReport report = flow.reader().readAll();

        assertThat(report.failures()).isEmpty();
        assertThat(report.projectsUpdated()).isEqualTo(2);
        assertThat(updates("prj-7")).singleElement().satisfies(d -> {
            assertThat(d.division()).isEqualTo(DIVISION_A);
            assertThat(d.costCenterCode()).isEqualTo(shop);
            assertThat(d.totalPurchases()).isEqualTo("1150.50");
            assertThat(d.entries()).extracting(ProjectCostEntry::amount)
                    .containsExactlyInAnyOrder("1000.00", "250.50", "-100.00");
            assertThat(d.entries()).allSatisfy(e -> {
                assertThat(e.date()).isEqualTo("2026-11-20");
                assertThat(e.supplier()).isEqualTo("Bouwbedrijf Stevig");
                assertThat(e.glAccount()).isEqualTo(ProjectFlowFixture.PROJECT_COSTS_GL);
            });
            assertThat(d.entries()).extracting(ProjectCostEntry::description).contains("Creditnota kasten");
        });
        assertThat(updates("prj-8")).singleElement().satisfies(d -> {
            assertThat(d.totalPurchases()).isEqualTo("80.00");
            assertThat(d.entries()).hasSize(1);
        });
        assertThat(flow.costs.find(new ProjectCostsKey("default", DIVISION_A, "prj-7")))
                .hasValueSatisfying(c -> assertThat(c.total()).isEqualByComparingTo("1150.50"));
    }

    @Test
    void aSecondReadBackWithNothingNewSendsNoCallbackAndCostsOneCallPerDivision() {
        flow.process(flow.handler(), project("prj-9", "P2026-009", "Elders", true), DIVISION_B);
        flow.purchase(DIVISION_A, supplier, shop, "1000.00", "Kasten");
        flow.reader().readAll();
        flow.sent.clear();
        int beforeA = flow.calls(DIVISION_A);
        int beforeB = flow.calls(DIVISION_B);

        ProjectCostsReport second = flow.reader().readAll();

        assertThat(flow.sent).isEmpty();
        assertThat(second.projectsUpdated()).isZero();
        assertThat(flow.calls(DIVISION_A) - beforeA).isLessThanOrEqualTo(1);
        assertThat(flow.calls(DIVISION_B) - beforeB).isLessThanOrEqualTo(1);
        assertThat(flow.calls(DIVISION_A, FEED)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void onlyTheProjectWithANewPurchaseIsReportedAgainWithItsWholeList() {
        flow.purchase(DIVISION_A, supplier, shop, "1000.00", "Kasten");
        flow.purchase(DIVISION_A, supplier, office, "80.00", "Bureaustoel");
        flow.reader().readAll();
        flow.sent.clear();

        flow.purchase(DIVISION_A, supplier, shop, "-1000.00", "Creditnota kasten");
        flow.reader().readAll();

        assertThat(updates("prj-8")).isEmpty();
        assertThat(updates("prj-7")).singleElement().satisfies(d -> {
            assertThat(d.totalPurchases()).isEqualTo("0.00");
            assertThat(d.entries()).hasSize(2);
        });
    }

    @Test
    void aPurchaseLineMovedToAnotherProjectLeavesTheFirst() {
        Map<String, Object> entry = flow.purchase(DIVISION_A, supplier, shop, "500.00", "Verkeerd geboekt");
        flow.reader().readAll();
        flow.sent.clear();
        @SuppressWarnings("unchecked")
        Object lineId = ((List<Map<String, Object>>) entry.get("PurchaseEntryLines")).get(0).get("ID");
        flow.client.update(flow.target(DIVISION_A), "purchaseentry/PurchaseEntryLines", "guid'" + lineId + "'",
                org.exactsync.exact.odata.ExactFields.empty().with("CostCenter", office));

        flow.reader().readAll();

        assertThat(updates("prj-7")).singleElement().satisfies(d -> {
            assertThat(d.totalPurchases()).isEqualTo("0.00");
            assertThat(d.entries()).isEmpty();
        });
        assertThat(updates("prj-8")).singleElement().satisfies(d -> assertThat(d.totalPurchases())
                .isEqualTo("500.00"));
    }

    @Test
    void readingTheSameRowsAgainAfterACrashBeforeTheCursorMovedSendsNothing() {
        flow.purchase(DIVISION_A, supplier, shop, "1000.00", "Kasten");
        flow.purchase(DIVISION_A, supplier, office, "80.50", "Bureaustoel");
        flow.reader().readAll();
        flow.sent.clear();
        new org.exactsync.store.dynamodb.DynamoDbCursorStore(flow.dynamo.client(), flow.table, flow.clock)
                .reset(new org.exactsync.store.CursorKey("default", DIVISION_A, ProjectCostsReader.FEED));

        ProjectCostsReport again = flow.reader().readAll();

        assertThat(again.rowsRead()).isPositive();
        assertThat(flow.sent).isEmpty();
    }

    @Test
    void aDeletedPurchaseEntryLeavesItsProjectOnceTheHourlyDeletionLogIsRead() {
        flow.purchase(DIVISION_A, supplier, shop, "1000.00", "Kasten");
        Map<String, Object> twice = flow.purchase(DIVISION_A, supplier, shop, "300.00", "Dubbel geboekt");
        flow.reader().readAll();
        flow.sent.clear();
        SandboxFinance.of(flow.sandbox).deleteEntry(DIVISION_A, UUID.fromString(String.valueOf(twice.get("EntryID"))));

        flow.reader().readAll();
        List<ProjectCostsUpdated> withinTheHour = updates("prj-7");
        flow.clock.advance(java.time.Duration.ofMinutes(61));
        flow.reader().readAll();

        assertThat(withinTheHour).isEmpty();
        assertThat(updates("prj-7")).singleElement().satisfies(d -> {
            assertThat(d.totalPurchases()).isEqualTo("1000.00");
            assertThat(d.entries()).extracting(ProjectCostEntry::description).containsExactly("Kasten");
        });
        assertThat(flow.calls(DIVISION_A, "sync/Deleted")).isEqualTo(2);
    }

    @Test
    void aDivisionWithoutProjectsCostsNoCall() {
        int before = flow.calls(DIVISION_B);

        flow.reader().readAll();

        assertThat(flow.calls(DIVISION_B)).isEqualTo(before);
    }

    @Test
    void salesOnAProjectCostCenterAreNotPurchases() {
        UUID customer = flow.client.createAccount(flow.target(DIVISION_A),
                org.exactsync.exact.model.AccountFields.none().name("Klant").status("C")).id();
        Map<String, Object> line = new java.util.HashMap<>();
        line.put("GLAccount", org.exactsync.sandbox.master.MasterDataSeed.id(DIVISION_A, "gl", "8000"));
        line.put("AmountFC", new java.math.BigDecimal("300.00"));
        line.put("VATCode", "2");
        line.put("CostCenter", shop);
        SandboxFinance.of(flow.sandbox).bookSalesEntry(DIVISION_A, Map.of("Journal", "70", "Customer", customer,
                "EntryDate", "2026-11-20", "SalesEntryLines", List.of(line)));

        flow.reader().readAll();

        assertThat(updates("prj-7")).isEmpty();
    }

    private List<ProjectCostsUpdated> updates(String projectId) {
        return flow.ofType("project.costs-updated").stream().map(s -> (ProjectCostsUpdated) s.data())
                .filter(d -> d.projectId().equals(projectId)).toList();
    }
}
