package org.exactsync.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.AccountQuery;
import org.exactsync.exact.model.ContactFields;
import org.exactsync.exact.model.CurrentUser;
import org.exactsync.exact.model.Division;
import org.exactsync.exact.model.ExactAccount;
import org.exactsync.exact.model.ExactContact;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.odata.ExactRow;
import org.exactsync.exact.odata.ODataQuery;
import org.exactsync.sandbox.EntitySet;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.SandboxVariants;
import org.exactsync.sandbox.faults.FaultRule;
import org.exactsync.sandbox.limits.RateLimits;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client against the Exact sandbox over HTTP, with its state in DynamoDB (dynalite). The sandbox records a call
 * after its response is sent, so counter assertions wait briefly for the count to settle.
 */
class ExactOnlineAgainstSandboxTest {

    private static final int DIVISION = 100001;

    private final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-03-02T09:00:00Z"));
    private final TestDynamo dynamo = TestDynamo.shared();
    private final String table = dynamo.newTable("client-it");
    private ExactSandbox sandbox;

    private ExactSandbox sandbox(RateLimits limits) {
        sandbox = ExactSandbox.builder().clock(clock).sleeper(clock.sleeper()).rateLimits(limits).build().start();
        return sandbox;
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private ExactOnlineClient client() {
        ExactSettings settings = ExactSettings.defaults(sandbox.baseUrl(), sandbox.clientId(), sandbox.clientSecret(),
                sandbox.redirectUri()).withRetry(new ExactSettings.Retry(4, Duration.ofMillis(200),
                        Duration.ofSeconds(2)));
        return ExactOnlineClient.create(settings, new DynamoDbTokenStore(dynamo.client(), table),
                new DynamoDbCallBudgetStore(dynamo.client(), table), clock, clock.sleeper());
    }

    private String authorizationCode() {
        String location = sandbox.oauth().authorize(sandbox.clientId(), sandbox.redirectUri(), "code", "st", null);
        return URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
    }

    private ExactTarget connected(ExactOnlineClient client) {
        TokenKey key = client.connect("tenant-1", authorizationCode());
        return new ExactTarget(key, DIVISION);
    }

    @Test
    void connectsThenReadsTheUserDivisionsAndMasterData() {
        sandbox(RateLimits.exactDefaults());
        ExactOnlineClient client = client();
        ExactTarget target = connected(client);

        CurrentUser me = client.currentUser(target.connection());
        List<Division> divisions = client.divisions(new ExactTarget(target.connection(), me.currentDivision()));

        assertThat(me.userId().toString()).isEqualTo(target.connection().exactUser());
        assertThat(divisions).extracting(Division::code).contains(100001, 100002);
        assertThat(client.glAccounts(target)).isNotEmpty().allSatisfy(g -> assertThat(g.code()).isEqualTo(g.code().strip()));
        assertThat(client.vatCodes(target)).isNotEmpty().allSatisfy(v -> assertThat(v.code()).doesNotEndWith(" "));
        assertThat(client.journals(target)).anySatisfy(j -> assertThat(j.type()).isEqualTo(20));
        assertThat(client.paymentConditions(target)).isNotEmpty();
        assertThat(client.costCenters(target)).isNotNull();
        assertThat(client.financialPeriods(target, 2026)).isNotEmpty()
                .allSatisfy(p -> assertThat(p.year()).isEqualTo(2026));
    }

    @Test
    void pagesThroughMoreThanOnePageFollowingNextLinks() {
        sandbox(RateLimits.exactDefaults());
        EntitySet accounts = sandbox.entitySet("crm/Accounts").orElseThrow();
        sandbox.inDivision(DIVISION, (data, context) -> {
            for (int i = 0; i < 130; i++) {
                Map<String, Object> row = new HashMap<>();
                row.put("Name", "Relatie " + i);
                row.put("Status", "C");
                row.put("City", "Paging");
                accounts.create(data, row, context);
            }
            return null;
        });
        ExactOnlineClient client = client();
        ExactTarget target = connected(client);
        int before = sandbox.calls().totalCalls(DIVISION, "crm/Accounts");

        List<ExactRow> rows = client.query(target, "crm/Accounts",
                ODataQuery.select("ID", "Code", "Name").filter("City eq 'Paging'")).toList();

        assertThat(rows).hasSize(130);
        assertThat(rows.stream().map(r -> r.uuid("ID")).distinct()).hasSize(130);
        settled(() -> assertThat(sandbox.calls().totalCalls(DIVISION, "crm/Accounts") - before).isEqualTo(3));
    }

    @Test
    void createsFindsAndUpdatesARelationWithItsContact() {
        sandbox(RateLimits.exactDefaults());
        ExactOnlineClient client = client();
        ExactTarget target = connected(client);

        ExactAccount created = client.createAccount(target,
                AccountFields.none().code("424242").name("Voorbeeld BV").status("C").city("Utrecht").country("NL")
                        .addressLine1("Stationsplein 1").supplier(true));
        ExactContact contact = client.createContact(target,
                ContactFields.none().account(created.id()).firstName("Jan").lastName("Jansen"));
        client.updateAccount(target, created.id(), AccountFields.none().mainContact(contact.id()).city("Zeist"));

        List<ExactAccount> byCode = client.findAccounts(target, AccountQuery.byCode("424242"));
        assertThat(byCode).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(created.id());
            assertThat(a.code()).isEqualTo("424242");
            assertThat(a.city()).isEqualTo("Zeist");
            assertThat(a.mainContact()).isEqualTo(contact.id());
            assertThat(a.addressLine1()).isEqualTo("Stationsplein 1");
            assertThat(a.supplier()).isTrue();
        });
        assertThat(client.contacts(target, created.id())).extracting(ExactContact::id).containsExactly(contact.id());
        assertThat(client.account(target, created.id())).isPresent();
    }

    @Test
    void reportsExactsValidationMessageAndSendsTheRequestOnce() {
        sandbox(RateLimits.exactDefaults());
        ExactOnlineClient client = client();
        ExactTarget target = connected(client);

        assertThatThrownBy(() -> client.createAccount(target, AccountFields.none().city("Utrecht")))
                .isInstanceOfSatisfying(ExactValidationException.class, e -> {
                    assertThat(e.status()).isIn(400, 500);
                    assertThat(e.exactMessage()).isNotBlank();
                    assertThat(e.endpoint()).isEqualTo("POST crm/Accounts");
                });
        settled(() -> assertThat(sandbox.calls().totalCalls(DIVISION, "crm/Accounts")).isEqualTo(1));
    }

    @Test
    void retriesAServiceUnavailableRead() {
        sandbox(RateLimits.exactDefaults());
        ExactOnlineClient client = client();
        ExactTarget target = connected(client);
        sandbox.inject(FaultRule.status(503).on("GET", "financial/Journals").times(2));

        assertThat(client.journals(target)).isNotEmpty();
        settled(() -> assertThat(sandbox.calls().totalCalls(DIVISION, "financial/Journals")).isEqualTo(3));
    }

    @Test
    void aPostWhoseAnswerIsLostIsReportedAsOutcomeUnknownAndNotRepeated() {
        sandbox(RateLimits.exactDefaults());
        ExactOnlineClient client = client();
        ExactTarget target = connected(client);
        sandbox.inject(FaultRule.dropAfterCommit().on("POST", "crm/Accounts").times(1));

        assertThatThrownBy(() -> client.createAccount(target, AccountFields.none().name("Eenmalig BV").code("777001")))
                .isInstanceOfSatisfying(ExactTransientException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
        assertThat(client.findAccounts(target, AccountQuery.byCode("777001"))).hasSize(1);
    }

    @Test
    void waitsOutATooManyRequestsAnswerAndLearnsTheLowerLimit() {
        sandbox(new RateLimits(5, 5000));
        ExactOnlineClient other = client();
        ExactTarget target = connected(other);
        // A process that does not share our budget store spends the division's minute first.
        for (int i = 0; i < 5; i++) {
            other.journals(target);
        }
        ExactOnlineClient client = ExactOnlineClient.create(ExactSettings.defaults(sandbox.baseUrl(),
                sandbox.clientId(), sandbox.clientSecret(), sandbox.redirectUri()),
                new DynamoDbTokenStore(dynamo.client(), table),
                new DynamoDbCallBudgetStore(dynamo.client(), dynamo.newTable("client-it-other")), clock,
                clock.sleeper());
        Instant before = clock.instant();

        assertThat(client.journals(target)).isNotEmpty();

        settled(() -> assertThat(sandbox.calls().tooManyRequests(DIVISION)).isEqualTo(1));
        assertThat(clock.instant()).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .plusSeconds(60));
        for (int i = 0; i < 12; i++) {
            client.journals(target);
        }
        assertThat(sandbox.calls().tooManyRequests(DIVISION)).isEqualTo(1);
        // The sandbox counts the refused call in the first minute too; every later minute stays within 5.
        assertThat(sandbox.calls().callsPerMinute(DIVISION).entrySet()).filteredOn(e -> e.getKey().isAfter(before))
                .isNotEmpty().allSatisfy(e -> assertThat(e.getValue()).isLessThanOrEqualTo(5));
    }

    @Test
    void keepsAnIdleChainAliveAcrossWeeks() {
        sandbox(RateLimits.exactDefaults());
        ExactOnlineClient client = client();
        ExactTarget target = connected(client);

        for (int week = 0; week < 6; week++) {
            clock.advance(Duration.ofDays(7).plusMinutes(1));
            assertThat(client.keepAlive(target.connection())).isTrue();
        }

        assertThat(client.journals(target)).isNotEmpty();
        assertThat(sandbox.oauth().brokenChains()).isZero();
    }

    /** Under both readings of the block's answer: with the rate headers, and without any (the strict default). */
    @ParameterizedTest(name = "sandbox variants: {0}")
    @MethodSource("org.exactsync.sandbox.SandboxVariants#all")
    void stopsAtExactsErrorBlockInsteadOfRetrying(SandboxVariants variants) {
        sandbox = ExactSandbox.builder().clock(clock).sleeper(clock.sleeper()).variants(variants).build().start();
        ExactOnlineClient client = client();
        ExactTarget target = connected(client);
        for (int i = 0; i < 11; i++) {
            assertThatThrownBy(() -> client.createAccount(target, AccountFields.none().city("Zonder naam")))
                    .isInstanceOf(ExactValidationException.class);
        }
        settled(() -> assertThat(sandbox.calls().totalCalls(DIVISION, "crm/Accounts")).isEqualTo(11));

        assertThatThrownBy(() -> client.createAccount(target, AccountFields.none().name("Wel een naam")))
                .isInstanceOf(ExactRateLimitedException.class);
        settled(() -> assertThat(sandbox.calls().totalCalls(DIVISION, "crm/Accounts")).isEqualTo(12));
        assertThat(client.journals(target)).isNotEmpty();
    }

    @Test
    void aChainSupersededOutsideOurStoreIsMarkedForConsentNotRetried() {
        sandbox(RateLimits.exactDefaults());
        ExactOnlineClient client = client();
        ExactTarget target = connected(client);
        TokenKey key = target.connection();
        DynamoDbTokenStore tokens = new DynamoDbTokenStore(dynamo.client(), table);
        String staleRefresh = tokens.find(key).orElseThrow().refreshToken();
        clock.advance(Duration.ofSeconds(590));
        // A copy of the chain used elsewhere (a second installation, a script) refreshes first.
        sandbox.oauth().token(Map.of("grant_type", "refresh_token", "refresh_token", staleRefresh,
                "client_id", sandbox.clientId(), "client_secret", sandbox.clientSecret()));

        assertThatThrownBy(() -> client.journals(target))
                .isInstanceOfSatisfying(ExactConsentRequiredException.class,
                        e -> assertThat(e.tenant()).isEqualTo("tenant-1"));
        assertThat(tokens.find(key).orElseThrow().status())
                .isEqualTo(org.exactsync.exact.port.ConnectionStatus.NEEDS_CONSENT);
        assertThatThrownBy(() -> client.journals(target)).isInstanceOf(ExactConsentRequiredException.class);
        assertThat(sandbox.calls().totalCalls(DIVISION, "financial/Journals")).isZero();
    }

    private static void settled(org.awaitility.core.ThrowingRunnable assertion) {
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10)).untilAsserted(assertion);
    }
}
