package org.exactsync.flow.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exactsync.flow.relation.RelationFlowFixture.DIVISION_A;
import static org.exactsync.flow.relation.RelationFlowFixture.TENANT;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.inbound.AcceptedEvent;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.onboarding.AccountIndex;
import org.exactsync.flow.onboarding.IndexedMatching;
import org.exactsync.flow.onboarding.OnboardingService;
import org.exactsync.flow.write.OrderedWrites;
import org.exactsync.flow.write.Recorded;
import org.exactsync.mapping.RelationUpserted;
import org.exactsync.sandbox.master.AccountSeeder;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingRecord;
import org.exactsync.store.dynamodb.DynamoDbAccountIndexStore;
import org.exactsync.store.dynamodb.DynamoDbCursorStore;
import org.exactsync.store.dynamodb.DynamoDbSeenRelationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Onboarding end to end through the relation flow: a division that already holds the CRM's customers, its account
 * index built, then relation events matched with 0 Exact calls, an ambiguous one waiting for the operator's choice and
 * adopted on replay, every relation called back once with its number, no account created twice.
 */
class IndexedRelationFlowAgainstSandboxTest {

    private final RelationFlowFixture flow = new RelationFlowFixture();
    private OnboardingService onboarding;
    private RelationUpsertHandler handler;
    private Map<String, String> idsByCode;

    @BeforeEach
    void seedAndIndex() {
        DynamoDbAccountIndexStore accounts = new DynamoDbAccountIndexStore(flow.dynamo.client(), flow.table);
        DynamoDbSeenRelationStore seen = new DynamoDbSeenRelationStore(flow.dynamo.client(), flow.table);
        AccountIndex index = new AccountIndex(flow.client, accounts, new DynamoDbCursorStore(flow.dynamo.client(),
                flow.table, flow.clock), flow.clock, Duration.ofSeconds(20));
        onboarding = new OnboardingService(index, accounts, seen);
        handler = flow.handler(ConflictPolicy.REPORT, new IndexedMatching(index, accounts, seen, flow.client,
                flow.clock, Duration.ofMinutes(15)));
        idsByCode = AccountSeeder.seed(flow.sandbox, DIVISION_A, List.of(
                account("10", "Jansen B.V.", "VATNumber", "NL004495445B01"),
                account("20", "Bakker Hout", "ChamberOfCommerce", "12345678"),
                account("11", "De Vries"),
                account("12", "De Vries"))).stream()
                .collect(Collectors.toMap(a -> String.valueOf(a.get("Code")).trim(), a -> String.valueOf(a.get("ID"))));
        onboarding.index(target(), true);
    }

    @AfterEach
    void stop() {
        flow.close();
    }

    @Test
    void matchesFromTheIndexWithoutCallingExactAndCallsEveryAdoptedRelationBackOnceWithItsNumber() {
        int accountsBefore = flow.accounts(DIVISION_A).size();
        int callsBefore = flow.calls(DIVISION_A);

        // The CRM spells the VAT number its own way; the KvK match has no VAT number at all.
        AccountMatchOutcome jansen = sync(relation("rel-1", "Jansen B.V.", "\"vatNumber\":\"NL 0044.95.445.B01\","));
        AccountMatchOutcome bakker = sync(relation("rel-2", "Bakker Hout", "\"chamberOfCommerce\":\"12345678\","));
        AccountMatchOutcome deVries = sync(relation("rel-3", "De Vries", ""));

        assertThat(flow.calls(DIVISION_A) - callsBefore).as("matched from the index, nothing to write").isZero();
        assertThat(jansen.code()).isEqualTo("10");
        assertThat(bakker.code()).isEqualTo("20");
        assertThat(deVries.outcome()).isInstanceOfSatisfying(Outcome.Failed.class, failed -> assertThat(
                failed.reason()).contains("11, 12"));
        assertThat(onboarding.report(TENANT, DIVISION_A)).satisfies(report -> {
            assertThat(report.matched()).isEqualTo(2);
            assertThat(report.ambiguous()).as("waiting for the operator").isEqualTo(1);
        });
        assertThat(flow.callbacks.ofType("relation.conflict")).extracting(RecordingCallbacks.Sent::entityKey)
                .containsExactly("relation:rel-3");

        onboarding.choose(TENANT, DIVISION_A, "rel-3", "12");
        Outcome replayed = handler.process(deVries.event());
        Outcome again = handler.process(jansen.event());

        assertThat(flow.calls(DIVISION_A) - callsBefore).as("the choice is in the index too").isZero();
        assertThat(replayed).isInstanceOfSatisfying(Outcome.Done.class, done -> assertThat(done.results())
                .isEqualTo(List.of(new DivisionResult(DIVISION_A, idsByCode.get("12"), "12"))));
        assertThat(again).isInstanceOf(Outcome.Done.class);
        Map<String, RelationSynced> synced = syncedByRelation();
        assertThat(flow.callbacks.ofType("relation.synced")).as("one each, the replays add none").hasSize(3);
        assertThat(synced).containsOnlyKeys("rel-1", "rel-2", "rel-3");
        assertThat(synced.get("rel-1").debtorNumber()).isEqualTo("10");
        assertThat(synced.get("rel-1").exactAccountId()).isEqualTo(idsByCode.get("10"));
        assertThat(synced.get("rel-2").debtorNumber()).isEqualTo("20");
        assertThat(synced.get("rel-3").debtorNumber()).isEqualTo("12");
        assertThat(flow.accounts(DIVISION_A)).as("no account created").hasSize(accountsBefore);
        assertThat(flow.accountUpdates(DIVISION_A)).isZero();
    }

    @Test
    void callsBackAnAdoptionWhoseAttemptStoppedAfterLinkingWhenTheEventIsReplayed() {
        // What an attempt leaves when it stops right after linking the account (e.g. its contacts wait for the
        // budget): the mapping with the account and no values recorded yet, no callback sent.
        OrderedWrites writes = new OrderedWrites(flow.mappings, flow.clock);
        MappingRecord claim = writes.claim(new MappingKey(TENANT, DIVISION_A, EntityKind.RELATION, "rel-1"),
                Optional.empty(), null, null, Map.of());
        writes.commit(claim, new Recorded(idsByCode.get("10"), "10", Map.of(), List.of()), null);

        AccountMatchOutcome replay = sync(relation("rel-1", "Jansen B.V.", "\"vatNumber\":\"NL004495445B01\","));
        handler.process(replay.event());

        assertThat(replay.code()).isEqualTo("10");
        assertThat(flow.callbacks.ofType("relation.synced")).as("owed once, then settled").hasSize(1);
        assertThat(syncedByRelation().get("rel-1").debtorNumber()).isEqualTo("10");
    }

    @Test
    void confirmsAMissWithOneLookUpAndCreatesTheAccountOnce() {
        int accountsBefore = flow.accounts(DIVISION_A).size();
        int callsBefore = flow.calls(DIVISION_A);

        AccountMatchOutcome created = sync(relation("rel-4", "Nieuwe Klant", ""));

        assertThat(flow.calls(DIVISION_A) - callsBefore).as("one look-up, one POST").isEqualTo(2);
        assertThat(flow.accounts(DIVISION_A)).hasSize(accountsBefore + 1);
        assertThat(syncedByRelation().get("rel-4").debtorNumber()).isEqualTo(created.code());
        handler.process(created.event());
        assertThat(flow.accounts(DIVISION_A)).as("the replay finds the mapping").hasSize(accountsBefore + 1);
        assertThat(flow.callbacks.ofType("relation.synced")).hasSize(1);
    }

    @Test
    void dryRunTellsWhichAccountEachRelationWouldAdoptWithoutCallingExact() {
        flow.dryRun();
        int callsBefore = flow.calls(DIVISION_A);

        List<DryRunResult> jansen = preview(relation("rel-1", "Jansen B.V.", "\"vatNumber\":\"NL004495445B01\","));
        List<DryRunResult> deVries = preview(relation("rel-3", "De Vries", ""));
        List<DryRunResult> fresh = preview(relation("rel-4", "Nieuwe Klant", ""));

        assertThat(flow.calls(DIVISION_A)).as("no Exact call at all").isEqualTo(callsBefore);
        assertThat(jansen).singleElement().satisfies(result -> {
            assertThat(result.match()).isEqualTo(DryRunResult.MATCHED);
            assertThat(result.code()).isEqualTo("10");
            assertThat(result.exactId()).isEqualTo(idsByCode.get("10"));
            assertThat(result.rule()).isEqualTo("vatNumber");
        });
        assertThat(deVries).singleElement().satisfies(result -> {
            assertThat(result.match()).isEqualTo(DryRunResult.AMBIGUOUS);
            assertThat(result.candidates()).containsExactly("11", "12");
        });
        assertThat(fresh).singleElement().extracting(DryRunResult::match).isEqualTo(DryRunResult.CREATE);
        assertThat(onboarding.report(TENANT, DIVISION_A)).as("the report counts the dry run's relations")
                .satisfies(report -> {
                    assertThat(report.matched()).isEqualTo(1);
                    assertThat(report.ambiguous()).isEqualTo(1);
                    assertThat(report.toBeCreated()).isEqualTo(1);
                });
        assertThat(flow.callbacks.ofType("relation.synced")).isEmpty();
    }

    private ExactTarget target() {
        return new ExactTarget(flow.connection, DIVISION_A);
    }

    /** An account as a bookkeeper keyed it, with the address and role the CRM's relation carries. */
    private static Map<String, Object> account(String code, String name, String... more) {
        Map<String, Object> body = new HashMap<>(Map.of("Code", code, "Name", name, "AddressLine1", "Dorpsstraat 1",
                "Postcode", "3512 AB", "City", "Utrecht", "Country", "NL", "Status", "C"));
        for (int i = 0; i < more.length; i += 2) {
            body.put(more[i], more[i + 1]);
        }
        return body;
    }

    private static String relation(String id, String name, String extra) {
        return "{\"id\":\"" + id + "\",\"roles\":[\"customer\"],\"name\":\"" + name + "\"," + extra
                + "\"address\":{\"line1\":\"Dorpsstraat 1\",\"postcode\":\"3512 AB\",\"city\":\"Utrecht\","
                + "\"country\":\"NL\"}}";
    }

    /** The event's first processing, kept so that the test can replay it as the pipeline would. */
    private record AccountMatchOutcome(AcceptedEvent<RelationUpserted> event, Outcome outcome) {

        String code() {
            Object results = ((Outcome.Done) outcome).results();
            return ((DivisionResult) ((List<?>) results).get(0)).code();
        }
    }

    private AccountMatchOutcome sync(String data) {
        AcceptedEvent<RelationUpserted> event = flow.accepted(handler, data, flow.clock.instant(), DIVISION_A);
        return new AccountMatchOutcome(event, handler.process(event));
    }

    @SuppressWarnings("unchecked")
    private List<DryRunResult> preview(String data) {
        Outcome outcome = sync(data).outcome();
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        return (List<DryRunResult>) ((Outcome.Done) outcome).results();
    }

    private Map<String, RelationSynced> syncedByRelation() {
        return flow.callbacks.ofType("relation.synced").stream().map(sent -> (RelationSynced) sent.data())
                .collect(Collectors.toMap(RelationSynced::relationId, Function.identity(), (first, later) -> later));
    }
}
