package org.exactsync.flow.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exactsync.flow.relation.RelationFlowFixture.DIVISION_A;
import static org.exactsync.flow.relation.RelationFlowFixture.DIVISION_B;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.ExactTransientException;
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.mapping.FieldConflict;
import org.exactsync.sandbox.faults.FaultRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relation flow against the Exact sandbox over HTTP with its mappings in DynamoDB. */
class RelationUpsertAgainstSandboxTest {

    static final String BAKERY = """
            {"id":"rel-1001","roles":["customer"],"name":"Bakkerij De Gouden Korst B.V.",
             "address":{"line1":"Dorpsstraat 12","line2":null,"postcode":"3512 AB","city":"Utrecht","country":"NL"},
             "email":"info@goudenkorst.example","phone":"+31 30 123 4567","vatNumber":"NL123456789B01",
             "chamberOfCommerce":"12345678","paymentTermDays":30,
             "contacts":[
               {"id":"con-1","firstName":"Anna","lastName":"de Vries","email":"anna@goudenkorst.example","phone":null,"main":true},
               {"id":"con-2","firstName":null,"lastName":"Jansen","email":null,"phone":"+31 6 1234 5678","main":false}]}
            """;

    private final RelationFlowFixture flow = new RelationFlowFixture();

    @AfterEach
    void stop() {
        flow.close();
    }

    @Test
    void createsTheRelationWithTwoContactsInTwoDivisionsWithinNPlusThreeCallsEach() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        // Payment conditions are division master data, cached per instance; the budget rule is per relation.
        int accountsBefore = flow.accounts(DIVISION_A).size();

        Outcome outcome = flow.process(handler, BAKERY, DIVISION_A, DIVISION_B);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Done.class, done -> assertThat(done.results())
                .asList().extracting("division").containsExactly(DIVISION_A, DIVISION_B));
        List<DivisionResult> results = results(outcome);
        assertThat(results).allSatisfy(r -> assertThat(r.code()).isNotBlank().isEqualTo(r.code().strip()));
        assertThat(results.get(0).exactId()).isNotEqualTo(results.get(1).exactId());
        for (int division : new int[] {DIVISION_A, DIVISION_B}) {
            int relationCalls = flow.calls(division, "crm/Accounts") + flow.calls(division, "crm/Contacts");
            assertThat(relationCalls).as("calls in division %d", division).isLessThanOrEqualTo(2 + 3);
            assertThat(flow.calls(division, "cashflow/PaymentConditions")).isEqualTo(1);
            assertThat(flow.contacts(division)).hasSize(2);
        }
        assertThat(flow.accounts(DIVISION_A)).hasSize(accountsBefore + 1);
        Map<String, Object> account = account(DIVISION_A, results.get(0).exactId());
        assertThat(account).containsEntry("Status", "C").containsEntry("IsSupplier", false)
                .containsEntry("VATNumber", "NL123456789B01").containsEntry("ChamberOfCommerce", "12345678")
                .containsEntry("City", "Utrecht").containsEntry("PaymentConditionSales", "30");
        Object anna = flow.contacts(DIVISION_A).stream().filter(c -> "Anna".equals(c.get("FirstName")))
                .findFirst().orElseThrow().get("ID");
        assertThat(account.get("MainContact")).isEqualTo(anna);
        assertThat(flow.callbacks.ofType("relation.synced")).hasSize(2).allSatisfy(s -> assertThat(s.data())
                .isInstanceOfSatisfying(RelationSynced.class, d -> {
                    assertThat(d.relationId()).isEqualTo("rel-1001");
                    assertThat(d.debtorNumber()).isNotBlank();
                    assertThat(d.creditorNumber()).isNull();
                }));
    }

    @Test
    void theSameEventAgainCostsNoExactCall() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        Outcome first = flow.process(handler, BAKERY, DIVISION_A, DIVISION_B);
        int before = flow.calls(DIVISION_A) + flow.calls(DIVISION_B);
        flow.callbacks.clear();

        Outcome again = flow.process(handler, BAKERY, DIVISION_A, DIVISION_B);

        assertThat(flow.calls(DIVISION_A) + flow.calls(DIVISION_B)).isEqualTo(before);
        assertThat(results(again)).isEqualTo(results(first));
        assertThat(flow.callbacks.ofType("relation.synced")).isEmpty();
    }

    @Test
    void oneChangedFieldIsExactlyOnePutOfThatField() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        flow.process(handler, BAKERY, DIVISION_A);
        long updatesBefore = flow.accountUpdates(DIVISION_A);
        int contactCallsBefore = flow.calls(DIVISION_A, "crm/Contacts");

        Outcome outcome = flow.process(handler, flow.with(BAKERY, "address.city", "Zeist"), DIVISION_A);

        assertThat(flow.accountUpdates(DIVISION_A) - updatesBefore).isEqualTo(1);
        assertThat(flow.calls(DIVISION_A, "crm/Contacts")).isEqualTo(contactCallsBefore);
        assertThat(account(DIVISION_A, results(outcome).get(0).exactId())).containsEntry("City", "Zeist")
                .containsEntry("Postcode", "3512 AB");
        assertThat(flow.callbacks.ofType("relation.conflict")).isEmpty();
    }

    @Test
    void findsTheExistingAccountByVatNumberInsteadOfCreatingADuplicate() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        Object existing = flow.client.createAccount(target(DIVISION_A),
                org.exactsync.exact.model.AccountFields.none().name("Gouden Korst").vatNumber("NL123456789B01")
                        .status("C")).id().toString();
        int accountsBefore = flow.accounts(DIVISION_A).size();

        Outcome outcome = flow.process(handler, BAKERY, DIVISION_A);

        assertThat(flow.accounts(DIVISION_A)).hasSize(accountsBefore);
        assertThat(results(outcome).get(0).exactId()).isEqualTo(existing);
        // The bookkeeper's name stays; the empty fields are filled in.
        assertThat(account(DIVISION_A, existing.toString())).containsEntry("Name", "Gouden Korst")
                .containsEntry("City", "Utrecht");
        assertThat(conflicts()).extracting(FieldConflict::name).containsExactly("name");
    }

    @Test
    void aBookkeepersChangeIsReportedAndNotOverwritten() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        String id = results(flow.process(handler, BAKERY, DIVISION_A)).get(0).exactId();
        bookkeeperSetsCity(id, "Amersfoort");

        flow.process(handler, flow.with(BAKERY, "address.city", "Zeist"), DIVISION_A);

        assertThat(account(DIVISION_A, id)).containsEntry("City", "Amersfoort");
        assertThat(conflicts()).containsExactly(new FieldConflict("address.city", "Zeist", "Amersfoort"));
        assertThat(flow.callbacks.ofType("relation.conflict").get(0).entityKey()).isEqualTo("relation:rel-1001");
    }

    @Test
    void crmWinsOverwritesTheBookkeepersChangeAndStillReportsIt() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.CRM_WINS);
        String id = results(flow.process(handler, BAKERY, DIVISION_A)).get(0).exactId();
        bookkeeperSetsCity(id, "Amersfoort");

        flow.process(handler, flow.with(BAKERY, "address.city", "Zeist"), DIVISION_A);

        assertThat(account(DIVISION_A, id)).containsEntry("City", "Zeist");
        assertThat(conflicts()).extracting(FieldConflict::name).containsExactly("address.city");
    }

    @Test
    void aSupplierGetsTheSupplierFlagAndPurchaseConditionButNoCustomerStatus() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        String supplier = flow.with(flow.with(BAKERY, "roles", List.of("supplier")), "id", "rel-2001");

        Outcome outcome = flow.process(handler, supplier, DIVISION_A);

        Map<String, Object> account = account(DIVISION_A, results(outcome).get(0).exactId());
        assertThat(account).containsEntry("IsSupplier", true).containsEntry("PaymentConditionPurchase", "30");
        assertThat(account.get("Status")).isNotEqualTo("C");
        RelationSynced synced = (RelationSynced) flow.callbacks.ofType("relation.synced").get(0).data();
        assertThat(synced.creditorNumber()).isEqualTo(results(outcome).get(0).code());
        assertThat(synced.debtorNumber()).isNull();
    }

    @Test
    void aCustomerAndSupplierIsBoth() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);

        Outcome outcome = flow.process(handler, flow.with(BAKERY, "roles", List.of("customer", "supplier")),
                DIVISION_A);

        Map<String, Object> account = account(DIVISION_A, results(outcome).get(0).exactId());
        assertThat(account).containsEntry("IsSupplier", true).containsEntry("Status", "C")
                .containsEntry("PaymentConditionSales", "30").containsEntry("PaymentConditionPurchase", "30");
        RelationSynced synced = (RelationSynced) flow.callbacks.ofType("relation.synced").get(0).data();
        assertThat(synced.debtorNumber()).isEqualTo(synced.creditorNumber()).isNotBlank();
    }

    @Test
    void aChangedContactIsOnePutAndAnAbsentContactIsReportedNotDeleted() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        flow.process(handler, BAKERY, DIVISION_A);
        int accountCalls = flow.calls(DIVISION_A, "crm/Accounts");
        int contactCalls = flow.calls(DIVISION_A, "crm/Contacts");
        flow.callbacks.clear();
        String onlyAnna = flow.with(BAKERY, "contacts", List.of(Map.of("id", "con-1", "firstName", "Anna",
                "lastName", "de Vries-Bakker", "email", "anna@goudenkorst.example", "main", true)));

        flow.process(handler, onlyAnna, DIVISION_A);

        assertThat(flow.calls(DIVISION_A, "crm/Contacts") - contactCalls).isEqualTo(1);
        assertThat(flow.calls(DIVISION_A, "crm/Accounts")).isEqualTo(accountCalls);
        assertThat(flow.contacts(DIVISION_A)).hasSize(2)
                .anySatisfy(c -> assertThat(c.get("LastName")).isEqualTo("de Vries-Bakker"));
        RelationSynced synced = (RelationSynced) flow.callbacks.ofType("relation.synced").get(0).data();
        assertThat(synced.absentContacts()).containsExactly("con-2");
    }

    @Test
    void twoAccountsWithTheSameVatNumberAreAConflictNeverAGuess() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        for (String name : List.of("Korst Utrecht", "Korst Zeist")) {
            flow.client.createAccount(target(DIVISION_A), org.exactsync.exact.model.AccountFields.none().name(name)
                    .vatNumber("NL123456789B01"));
        }
        int accountsBefore = flow.accounts(DIVISION_A).size();

        Outcome outcome = flow.process(handler, BAKERY, DIVISION_A);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
            assertThat(f.retryable()).isFalse();
            assertThat(f.reason()).contains("no unambiguous Exact account").contains("vatNumber");
        });
        assertThat(flow.accounts(DIVISION_A)).hasSize(accountsBefore);
        assertThat(conflicts()).extracting(FieldConflict::name).containsExactly("match");
    }

    @Test
    void aSecondCrmRelationWithTheSameVatNumberIsNotMergedIntoTheFirstsAccount() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        flow.process(handler, BAKERY, DIVISION_A);
        int accountsBefore = flow.accounts(DIVISION_A).size();

        Outcome outcome = flow.process(handler, flow.with(BAKERY, "id", "rel-1002"), DIVISION_A);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.reason())
                .contains("already linked to relation rel-1001"));
        assertThat(flow.accounts(DIVISION_A)).hasSize(accountsBefore);
        assertThat(flow.callbacks.ofType("relation.conflict")).singleElement()
                .satisfies(c -> assertThat(c.entityKey()).isEqualTo("relation:rel-1002"));
    }

    @Test
    void aRejectionByExactFailsTheEventWithoutRetry() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        flow.sandbox.inject(FaultRule.status(400).on("POST", "crm/Accounts").times(1));

        Outcome outcome = flow.process(handler, BAKERY, DIVISION_A);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
            assertThat(f.retryable()).isFalse();
            assertThat(f.reason()).startsWith("Exact rejected relation rel-1001 in division " + DIVISION_A);
        });
    }

    @Test
    void exactBeingDownMakesTheEventWaitAndTheReplayCreatesNoDuplicate() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        flow.sandbox.inject(FaultRule.status(503).on("POST", "crm/Contacts"));

        Outcome waiting = flow.process(handler, BAKERY, DIVISION_A);
        flow.sandbox.resetFaults();
        int accounts = flow.accounts(DIVISION_A).size();
        Outcome replay = flow.process(handler, BAKERY, DIVISION_A);

        assertThat(waiting).isInstanceOf(Outcome.Waiting.class);
        assertThat(replay).isInstanceOf(Outcome.Done.class);
        assertThat(flow.accounts(DIVISION_A)).hasSize(accounts);
        assertThat(flow.contacts(DIVISION_A)).hasSize(2);
    }

    @Test
    void anAccountPostWhoseAnswerWasLostIsFoundAgainOnTheReplayNotCreatedTwice() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        int accounts = flow.accounts(DIVISION_A).size();
        flow.sandbox.inject(FaultRule.dropAfterCommit().on("POST", "crm/Accounts").times(1));

        Outcome lost = flow.process(handler, BAKERY, DIVISION_A);
        Outcome replay = flow.process(handler, BAKERY, DIVISION_A);

        assertThat(lost).isInstanceOf(Outcome.Waiting.class);
        assertThat(replay).isInstanceOf(Outcome.Done.class);
        assertThat(flow.accounts(DIVISION_A)).hasSize(accounts + 1);
        assertThat(flow.contacts(DIVISION_A)).hasSize(2);
        assertThat(flow.callbacks.ofType("relation.conflict")).isEmpty();
    }

    @Test
    void aClaimWithinItsLeaseIsAnotherWorkersPostInFlightSoTheEventWaitsInsteadOfCreatingASecondAccount() {
        // Found by the reliability soak: two deliveries of one relation (different event ids) on two workers; the
        // second found the first's claim, looked up before the first's POST had landed, and posted a second account.
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        claimAsAnotherWorker("rel-1001");
        int accounts = flow.accounts(DIVISION_A).size();

        Outcome meanwhile = flow.process(handler, BAKERY, DIVISION_A);

        assertThat(meanwhile).isInstanceOf(Outcome.Waiting.class);
        assertThat(((Outcome.Waiting) meanwhile).reason()).contains("being created by another worker");
        assertThat(flow.calls(DIVISION_A, "crm/Accounts")).isZero();
        assertThat(flow.accounts(DIVISION_A)).hasSize(accounts);
    }

    @Test
    void aClaimWhoseLeaseRanOutIsTakenOverLookedUpAndAdoptedWhenItsWorkerDiedAfterPosting() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        claimAsAnotherWorker("rel-1001");
        // The dead worker's POST had landed in Exact; its claim was never linked.
        flow.client.createAccount(new ExactTarget(flow.connection, DIVISION_A), AccountFields.none()
                .name("Bakkerij De Gouden Korst B.V.").status("C").vatNumber("NL123456789B01").country("NL"));
        int accounts = flow.accounts(DIVISION_A).size();
        flow.clock.advance(org.exactsync.flow.write.OrderedWrites.LEASE.plusSeconds(1));

        Outcome replay = flow.process(handler, BAKERY, DIVISION_A);

        assertThat(replay).isInstanceOf(Outcome.Done.class);
        assertThat(flow.accounts(DIVISION_A)).hasSize(accounts);
    }

    @Test
    void anOlderVersionDeliveredAfterANewerOneIsIgnoredAndNeverRollsExactBack() {
        // Found by the reliability soak: versions delivered out of order left Exact with an older version's values.
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        Instant older = flow.clock.instant();
        Instant newer = older.plusSeconds(60);
        String exactId = results(flow.process(handler, flow.with(BAKERY, "address.city", "Zeist"), newer,
                DIVISION_A)).get(0).exactId();
        int calls = flow.calls(DIVISION_A);

        Outcome stale = flow.process(handler, flow.with(BAKERY, "address.city", "Utrecht"), older, DIVISION_A);

        assertThat(stale).isInstanceOf(Outcome.Done.class);
        assertThat(flow.calls(DIVISION_A)).isEqualTo(calls);
        assertThat(account(DIVISION_A, exactId).get("City")).isEqualTo("Zeist");
    }

    @Test
    void aNewerUpdateArrivingDuringAnOlderPutWaitsAndItsReplayAppliesIt() {
        // Found by the reliability soak: two updates on two workers, the older PUT landing last. Every PUT is now made
        // under a claim on the mapping, so the newer one waits for the older write to finish instead.
        RelationUpsertHandler newer = flow.handler(ConflictPolicy.REPORT);
        Instant start = flow.clock.instant();
        String exactId = results(flow.process(newer, BAKERY, start, DIVISION_A)).get(0).exactId();
        String amersfoort = flow.with(BAKERY, "address.city", "Amersfoort");
        AtomicReference<Outcome> duringThePut = new AtomicReference<>();
        ExactOnline racing = (ExactOnline) Proxy.newProxyInstance(ExactOnline.class.getClassLoader(),
                new Class<?>[] {ExactOnline.class}, (proxy, method, args) -> {
                    if (method.getName().equals("updateAccount") && duringThePut.get() == null) {
                        duringThePut.set(flow.process(newer, amersfoort, start.plusSeconds(120), DIVISION_A));
                    }
                    try {
                        return method.invoke(flow.client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        Outcome older = flow.process(flow.handler(ConflictPolicy.REPORT, racing),
                flow.with(BAKERY, "address.city", "Zeist"), start.plusSeconds(60), DIVISION_A);
        Outcome replay = flow.process(newer, amersfoort, start.plusSeconds(120), DIVISION_A);

        assertThat(duringThePut.get()).isInstanceOf(Outcome.Waiting.class);
        assertThat(older).isInstanceOf(Outcome.Done.class);
        assertThat(replay).isInstanceOf(Outcome.Done.class);
        assertThat(account(DIVISION_A, exactId).get("City")).isEqualTo("Amersfoort");
    }

    @Test
    void aPutWhoseAnswerIsLostIsPutBackByTheNextAttemptEvenOfAnOlderVersion() {
        // Found by the reliability soak: a PUT applied by Exact whose answer never came left Exact on values the
        // mapping did not record; an older event's replay was then ignored and nothing put them right.
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        Instant start = flow.clock.instant();
        String exactId = results(flow.process(handler, BAKERY, start, DIVISION_A)).get(0).exactId();
        Object applied = account(DIVISION_A, exactId).get("City");
        ExactOnline losing = (ExactOnline) Proxy.newProxyInstance(ExactOnline.class.getClassLoader(),
                new Class<?>[] {ExactOnline.class}, (proxy, method, args) -> {
                    try {
                        Object answer = method.invoke(flow.client, args);
                        if (method.getName().equals("updateAccount")) {
                            throw new ExactTransientException("the answer was lost", false);
                        }
                        return answer;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        String zeist = flow.with(BAKERY, "address.city", "Zeist");
        MappingKey key = new MappingKey(RelationFlowFixture.TENANT, DIVISION_A, EntityKind.RELATION, "rel-1001");

        Outcome lost = flow.process(flow.handler(ConflictPolicy.REPORT, losing), zeist, start.plusSeconds(60),
                DIVISION_A);
        Object leftInExact = account(DIVISION_A, exactId).get("City");
        boolean unsettled = !flow.mappings.find(key).orElseThrow().write().unsettled().isEmpty();
        Outcome older = flow.process(handler, BAKERY, start.minusSeconds(60), DIVISION_A);
        Object afterTheOlder = account(DIVISION_A, exactId).get("City");
        Outcome replay = flow.process(handler, zeist, start.plusSeconds(60), DIVISION_A);

        assertThat(lost).isNotInstanceOf(Outcome.Done.class);
        assertThat(leftInExact).isEqualTo("Zeist");
        assertThat(unsettled).isTrue();
        assertThat(older).isInstanceOf(Outcome.Done.class);
        assertThat(afterTheOlder).isEqualTo(applied);
        assertThat(replay).isInstanceOf(Outcome.Done.class);
        assertThat(account(DIVISION_A, exactId).get("City")).isEqualTo("Zeist");
        assertThat(flow.mappings.find(key).orElseThrow().write().unsettled()).isEmpty();
    }

    @Test
    void aNewerVersionAfterAnOlderOneIsStillApplied() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        Instant older = flow.clock.instant();
        String exactId = results(flow.process(handler, BAKERY, older, DIVISION_A)).get(0).exactId();

        flow.process(handler, flow.with(BAKERY, "address.city", "Zeist"), older.plusSeconds(60), DIVISION_A);

        assertThat(account(DIVISION_A, exactId).get("City")).isEqualTo("Zeist");
    }

    private void claimAsAnotherWorker(String relationId) {
        flow.mappings.createIfAbsent(new MappingKey(RelationFlowFixture.TENANT, DIVISION_A, EntityKind.RELATION,
                relationId), new MappingChange(null, null, null, Map.of()));
    }

    @Test
    void aNewerVersionAfterOurOwnLostPostIsWrittenNotReportedAsABookkeepersConflict() {
        // Found by the reliability soak: the account our lost POST left was adopted as if a bookkeeper had made it,
        // so the newer version's fields were reported as conflicts and never written.
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        int accounts = flow.accounts(DIVISION_A).size();
        flow.sandbox.inject(FaultRule.dropAfterCommit().on("POST", "crm/Accounts").times(1));
        Instant start = flow.clock.instant();
        flow.process(handler, BAKERY, start, DIVISION_A);

        Outcome newer = flow.process(handler, flow.with(BAKERY, "address.city", "Zeist"), start.plusSeconds(60),
                DIVISION_A);

        assertThat(newer).isInstanceOf(Outcome.Done.class);
        assertThat(flow.accounts(DIVISION_A)).hasSize(accounts + 1);
        assertThat(account(DIVISION_A, results(newer).get(0).exactId()).get("City")).isEqualTo("Zeist");
        assertThat(flow.callbacks.ofType("relation.conflict")).isEmpty();
    }

    @Test
    void aRelationWithoutVatKvkOrPostcodeIsFoundByNameOnlyAfterALostPost() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        String bare = "{\"id\":\"rel-3001\",\"roles\":[\"customer\"],\"name\":\"Kaal B.V.\"}";
        int accounts = flow.accounts(DIVISION_A).size();
        flow.sandbox.inject(FaultRule.dropAfterCommit().on("POST", "crm/Accounts").times(1));

        flow.process(handler, bare, DIVISION_A);
        Outcome replay = flow.process(handler, bare, DIVISION_A);

        assertThat(replay).isInstanceOf(Outcome.Done.class);
        assertThat(flow.accounts(DIVISION_A)).hasSize(accounts + 1);
    }

    @Test
    void aContactPostWhoseAnswerWasLostIsFoundAgainOnTheReplay() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        flow.sandbox.inject(FaultRule.dropAfterCommit().on("POST", "crm/Contacts").times(1));

        Outcome lost = flow.process(handler, BAKERY, DIVISION_A);
        Outcome replay = flow.process(handler, BAKERY, DIVISION_A);

        assertThat(lost).isInstanceOf(Outcome.Waiting.class);
        assertThat(replay).isInstanceOf(Outcome.Done.class);
        assertThat(flow.contacts(DIVISION_A)).hasSize(2);
        String account = results(replay).get(0).exactId();
        Object anna = flow.contacts(DIVISION_A).stream().filter(c -> "Anna".equals(c.get("FirstName")))
                .findFirst().orElseThrow().get("ID");
        assertThat(account(DIVISION_A, account).get("MainContact")).isEqualTo(anna);
    }

    @Test
    void inDryRunNothingReachesExactAndTheAnswerShowsWhatWouldBeSent() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        flow.process(handler, BAKERY, DIVISION_A);
        flow.dryRun();
        int before = flow.calls(DIVISION_A) + flow.calls(DIVISION_B);

        Outcome outcome = flow.process(handler, flow.with(BAKERY, "address.city", "Zeist"), DIVISION_A, DIVISION_B);

        assertThat(flow.calls(DIVISION_A) + flow.calls(DIVISION_B)).isEqualTo(before);
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Done.class, done -> assertThat(done.results()).asList()
                .satisfiesExactly(
                        a -> assertThat((DryRunResult) a).satisfies(r -> {
                            assertThat(r.exactId()).isNotNull();
                            assertThat(r.wouldSend()).containsOnlyKeys("City");
                        }),
                        b -> assertThat((DryRunResult) b).satisfies(r -> {
                            assertThat(r.exactId()).isNull();
                            assertThat(r.wouldSend()).containsEntry("Name", "Bakkerij De Gouden Korst B.V.");
                        })));
    }

    @Test
    void exactsRateLimitMakesTheEventWait() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        flow.sandbox.inject(FaultRule.tooManyRequests().on("POST", "crm/Accounts"));

        Outcome outcome = flow.process(handler, BAKERY, DIVISION_A);

        assertThat(outcome).isInstanceOf(Outcome.Waiting.class);
        assertThat(flow.accounts(DIVISION_A)).noneSatisfy(a -> assertThat(a.get("Name"))
                .isEqualTo("Bakkerij De Gouden Korst B.V."));
    }

    private void bookkeeperSetsCity(String id, String city) {
        flow.client.updateAccount(target(DIVISION_A), java.util.UUID.fromString(id),
                org.exactsync.exact.model.AccountFields.none().city(city));
    }

    private List<FieldConflict> conflicts() {
        return flow.callbacks.ofType("relation.conflict").stream()
                .flatMap(s -> ((RelationConflict) s.data()).fields().stream()).toList();
    }

    private org.exactsync.exact.model.ExactTarget target(int division) {
        return new org.exactsync.exact.model.ExactTarget(flow.connection, division);
    }

    @SuppressWarnings("unchecked")
    private static List<DivisionResult> results(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        return (List<DivisionResult>) ((Outcome.Done) outcome).results();
    }

    private Map<String, Object> account(int division, String id) {
        return flow.accounts(division).stream().filter(a -> a.get("ID").toString().equals(id)).findFirst()
                .orElseThrow();
    }
}
