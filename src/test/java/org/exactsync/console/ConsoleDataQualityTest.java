package org.exactsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.connect.ConnectFixture;
import org.exactsync.mapping.LedgerMapping;
import org.exactsync.sandbox.master.AccountSeeder;
import org.exactsync.store.SeenRelation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The data-quality page (the onboarding report of a division) and the Exact calls of the pages that check ledger
 * mappings, against dynalite and the sandbox, without a browser.
 */
class ConsoleDataQualityTest {

    private static final String BASE = "https://api.example.test/console/acme/";
    private static final int DIVISION = 100001;

    private final ConnectFixture fx = new ConnectFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void buildsTheIndexShowsAnAmbiguousRelationWithItsCandidatesAndRecordsTheOperatorsChoice() throws Exception {
        ConsoleRig rig = new ConsoleRig(fx);
        fx.connect(ConnectFixture.TENANT);
        seedAccounts(List.of("De Vries", "De Vries"));
        String cookie = rig.signIn(ConnectFixture.TENANT);

        HttpResponseEvent before = rig.get(BASE + "data-quality?division=" + DIVISION, cookie);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("No index yet").contains(">Build the index<");
        HttpResponseEvent built = rig.post(BASE + "data-quality", cookie, "csrf=" + ConsoleRig.csrf(before)
                + "&action=index&division=" + DIVISION);
        assertThat(built.statusCode()).as(built.body()).isEqualTo(200);
        assertThat(built.body()).contains("The index is complete").contains(">Refresh the index<");
        // The relation flow records a CRM relation matched against the index; here it is recorded as that flow would.
        List<String> codes = List.of("700000", "700001");
        rig.seen.record(new SeenRelation(ConnectFixture.TENANT, DIVISION, "rel-amb", Map.of("Name", "De Vries"),
                SeenRelation.AMBIGUOUS, null, "name", codes, null, fx.clock.instant()));

        HttpResponseEvent report = rig.get(BASE + "data-quality?division=" + DIVISION, cookie);
        assertThat(report.body()).contains("id=\"count-ambiguous\">1<").contains("data-kind=\"AMBIGUOUS_MATCH\"")
                .contains("<option value=\"" + codes.get(1) + "\">Exact relation " + codes.get(1) + "</option>")
                .contains("<option value=\"create-new\">").contains("href=\"data-quality.csv?division=" + DIVISION);
        HttpResponseEvent chosen = rig.post(BASE + "data-quality", cookie, "csrf=" + ConsoleRig.csrf(report)
                + "&action=choose&division=" + DIVISION + "&relationId=rel-amb&choice=" + codes.get(1));
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        assertThat(chosen.body()).contains("Recorded: CRM relation rel-amb is Exact relation " + codes.get(1))
                .contains("id=\"count-ambiguous\">0<").contains("id=\"count-matched\">1<");
        assertThat(rig.seen.find(ConnectFixture.TENANT, DIVISION, "rel-amb").orElseThrow().choice())
                .isEqualTo(codes.get(1));

        HttpResponseEvent csv = rig.get(BASE + "data-quality.csv?division=" + DIVISION, cookie);
        assertThat(csv.headers().get("Content-Type")).startsWith("text/csv");
        assertThat(csv.headers().get("Content-Disposition")).contains("data-quality-" + DIVISION + ".csv");
        assertThat(csv.body()).startsWith("kind,crmRelation,accounts,detail,action");
    }

    @Test
    void refusesAChoiceOfAnAccountTheIndexLacksNamingTheFieldAndRecordsNothing() throws Exception {
        ConsoleRig rig = new ConsoleRig(fx);
        fx.connect(ConnectFixture.TENANT);
        seedAccounts(List.of("Een"));
        String cookie = rig.signIn(ConnectFixture.TENANT);
        HttpResponseEvent page = rig.get(BASE + "data-quality?division=" + DIVISION, cookie);
        String csrf = ConsoleRig.csrf(page);
        rig.post(BASE + "data-quality", cookie, "csrf=" + csrf + "&action=index&division=" + DIVISION);

        HttpResponseEvent refused = rig.post(BASE + "data-quality", cookie, "csrf=" + csrf
                + "&action=choose&division=" + DIVISION + "&relationId=rel-x&choice=999999");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("The choice for rel-x was not recorded.").contains("accountCode");
        assertThat(rig.seen.find(ConnectFixture.TENANT, DIVISION, "rel-x")).isEmpty();
    }

    @Test
    void anIndexBuildThatStopsOnItsReadBudgetSaysSoAndOffersToContinueUntilComplete() throws Exception {
        ConsoleRig rig = new ConsoleRig(fx, Duration.ZERO);
        fx.connect(ConnectFixture.TENANT);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            names.add("Relatie " + i);
        }
        seedAccounts(names);
        String cookie = rig.signIn(ConnectFixture.TENANT);
        String csrf = ConsoleRig.csrf(rig.get(BASE + "data-quality?division=" + DIVISION, cookie));

        HttpResponseEvent first = rig.post(BASE + "data-quality", cookie, "csrf=" + csrf + "&action=index&division="
                + DIVISION);
        assertThat(first.body()).contains("The index is not complete yet")
                .contains(">Continue building the index<");
        HttpResponseEvent next = first;
        for (int press = 0; press < 5 && next.body().contains("not complete yet"); press++) {
            next = rig.post(BASE + "data-quality", cookie, "csrf=" + csrf + "&action=index&division=" + DIVISION);
        }
        assertThat(next.body()).contains("The index is complete");
        assertThat(rig.onboarding.report(ConnectFixture.TENANT, DIVISION).accounts()).isGreaterThanOrEqualTo(1_001);
    }

    @Test
    void theLedgerMappingAndGoLivePagesCostNoExactCallsOnceTheCopyIsWarmAndRefreshReadsExactAgain() throws Exception {
        ConsoleRig rig = new ConsoleRig(fx);
        fx.connect(ConnectFixture.TENANT);
        rig.ledgers.save(ConnectFixture.TENANT, DIVISION, LedgerMapping.dutchStandard(), 0).orElseThrow();
        String cookie = rig.signIn(ConnectFixture.TENANT);
        HttpResponseEvent first = rig.get(BASE + "ledger-mapping?division=" + DIVISION, cookie);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

        int warm = fx.sandbox.calls().totalCalls(null);
        HttpResponseEvent mapping = rig.get(BASE + "ledger-mapping?division=" + DIVISION, cookie);
        HttpResponseEvent goLive = rig.get(BASE + "go-live", cookie);
        assertThat(fx.sandbox.calls().totalCalls(null)).isEqualTo(warm);
        assertThat(mapping.body()).contains("as read at").contains("id=\"refresh-masterdata\"");
        assertThat(goLive.statusCode()).isEqualTo(200);
        assertThat(goLive.body()).contains("id=\"refresh-masterdata\"");

        HttpResponseEvent refreshed = rig.post(BASE + "ledger-mapping", cookie, "csrf=" + ConsoleRig.csrf(mapping)
                + "&action=refresh&division=" + DIVISION);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.body()).contains("were read again");
        assertThat(fx.sandbox.calls().totalCalls(null) - warm).isEqualTo(6);
        assertThat(rig.get(BASE + "ledger-mapping?division=" + DIVISION, cookie).statusCode()).isEqualTo(200);
        assertThat(fx.sandbox.calls().totalCalls(null) - warm).isEqualTo(6);
    }

    private void seedAccounts(List<String> names) {
        List<Map<String, Object>> bodies = new ArrayList<>();
        int code = 700_000;
        for (String name : names) {
            bodies.add(Map.of("Code", String.valueOf(code++), "Name", name, "AddressLine1", "Straat 1", "Postcode",
                    "3512 AB", "City", "Utrecht", "Country", "NL"));
        }
        AccountSeeder.seed(fx.sandbox, DIVISION, bodies);
    }
}
