package org.exactsync.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.AccountQuery;
import org.exactsync.exact.model.ContactFields;
import org.exactsync.exact.model.ExactAccount;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.model.GlAccount;
import org.exactsync.exact.model.VatCode;
import org.exactsync.exact.odata.ExactRow;
import org.exactsync.exact.odata.ODataQuery;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.Test;

class ExactOnlineClientTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:05Z");
    private static final String SITE = "https://exact.test";
    private static final TokenKey KEY = new TokenKey("tenant-7", SITE, "user-1");
    private static final ExactTarget TARGET = new ExactTarget(KEY, 4711);

    private final AdjustableClock clock = AdjustableClock.frozenAt(T0);
    private final FakeTokenStore tokens = new FakeTokenStore();
    private final FakeTransport transport = new FakeTransport();
    private final ExactOnlineClient client = ExactOnlineClient.create(
            ExactSettings.defaults(SITE, "client", "secret", "https://app.test/cb"), transport, tokens,
            new FakeCallBudgetStore(), clock, clock.sleeper(), () -> 0.0);

    ExactOnlineClientTest() {
        tokens.saveConsented(KEY, "access-1", T0.plusSeconds(600), "refresh-1", T0);
    }

    private static HttpReply ok(String body) {
        return FakeTransport.reply(200, body, Map.of());
    }

    private static String page(String rows, String next) {
        return "{\"d\":{\"results\":[" + rows + "]" + (next == null ? "" : ",\"__next\":\"" + next + "\"") + "}}";
    }

    @Test
    void sendsExactsRequiredHeadersWithEveryCall() {
        transport.then(call -> ok(page("", null)));

        client.glAccounts(TARGET);

        HttpCall call = transport.calls.get(0);
        assertThat(call.headers()).containsEntry("Authorization", "Bearer access-1")
                .containsEntry("Accept", "application/json").containsEntry("Content-Type", "application/json")
                .containsEntry("Prefer", "return=representation");
        assertThat(call.uri().toString()).startsWith(SITE + "/api/v1/4711/financial/GLAccounts?$select=ID%2CCode");
    }

    @Test
    void followsNextLinksVerbatimAcrossPages() {
        String next = SITE + "/api/v1/4711/financial/GLAccounts?$select=ID,Code&$skiptoken=guid'00000000-0000-0000-0000-000000000002'";
        transport.then(call -> ok(page("{\"ID\":\"00000000-0000-0000-0000-000000000001\",\"Code\":\"8000\",\"Type\":110}",
                next)))
                .then(call -> ok(page("{\"ID\":\"00000000-0000-0000-0000-000000000003\",\"Code\":\"8010\",\"Type\":110}",
                        null)));

        List<GlAccount> accounts = client.glAccounts(TARGET);

        assertThat(accounts).extracting(GlAccount::code).containsExactly("8000", "8010");
        assertThat(transport.calls.get(1).uri().toString()).isEqualTo(next);
    }

    @Test
    void fetchesTheNextPageOnlyWhenTheStreamNeedsIt() {
        transport.then(call -> ok(page("{\"Code\":\"1\"},{\"Code\":\"2\"}", SITE + "/api/v1/4711/x?$skiptoken=2")));

        List<String> firstTwo = client.query(TARGET, "crm/Accounts", ODataQuery.select("Code")).limit(2)
                .map(r -> r.string("Code")).toList();

        assertThat(firstTwo).containsExactly("1", "2");
        assertThat(transport.calls).hasSize(1);
    }

    @Test
    void acceptsTheBareArrayShape() {
        transport.then(call -> ok("{\"d\":[{\"Code\":\"2  \",\"Percentage\":0.21,\"IsBlocked\":false}]}"));

        List<VatCode> codes = client.vatCodes(TARGET);

        assertThat(codes).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("2");
            assertThat(c.percentage()).isEqualByComparingTo("0.21");
        });
    }

    @Test
    void refusesANextLinkToAnotherHost() {
        transport.then(call -> ok(page("{\"Code\":\"1\"}", "https://elsewhere.test/api/v1/4711/x")));

        assertThatThrownBy(() -> client.query(TARGET, "crm/Accounts", ODataQuery.select("Code")).toList())
                .isInstanceOf(ExactTransientException.class);
        assertThat(transport.calls).hasSize(1);
    }

    @Test
    void findsAccountsByTheirPaddedCodeAndTrimsTheAnswer() {
        transport.then(call -> ok(page("{\"ID\":\"00000000-0000-0000-0000-0000000000aa\",\"Code\":\"            100042\","
                + "\"Name\":\"Acme\",\"Status\":\"C\",\"Country\":\"NL \",\"Blocked\":false}", null)));

        List<ExactAccount> found = client.findAccounts(TARGET, AccountQuery.byCode("100042"));

        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo("100042");
            assertThat(a.country()).isEqualTo("NL");
        });
        assertThat(transport.calls.get(0).uri().getRawQuery())
                .contains("$filter=Code%20eq%20%27%20%20%20%20%20%20%20%20%20%20%20%20100042%27");
    }

    @Test
    void createsAnAccountAndReadsTheReturnedRepresentation() {
        transport.then(call -> FakeTransport.reply(201, "{\"d\":{\"ID\":\"00000000-0000-0000-0000-0000000000bb\","
                + "\"Code\":\"               777\",\"Name\":\"Acme\",\"Status\":\"C\"}}", Map.of()));

        ExactAccount account = client.createAccount(TARGET, AccountFields.none().name("Acme").code("777").status("C"));

        assertThat(account.id()).isEqualTo(UUID.fromString("00000000-0000-0000-0000-0000000000bb"));
        HttpCall call = transport.calls.get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.body()).isEqualTo("{\"Name\":\"Acme\",\"Code\":\"               777\",\"Status\":\"C\"}");
    }

    @Test
    void updatesOnlyTheChangedFieldsThroughTheKeySegment() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-0000000000cc");
        transport.then(call -> FakeTransport.reply(204, "", Map.of()));

        client.updateAccount(TARGET, id, AccountFields.none().email(null).city("Utrecht"));

        HttpCall call = transport.calls.get(0);
        assertThat(call.method()).isEqualTo("PUT");
        assertThat(call.uri().toString()).isEqualTo(SITE + "/api/v1/4711/crm/Accounts(guid'" + id + "')");
        assertThat(call.body()).isEqualTo("{\"Email\":null,\"City\":\"Utrecht\"}");
    }

    @Test
    void refusesToCreateAContactWithoutItsAccount() {
        assertThatThrownBy(() -> client.createContact(TARGET, ContactFields.none().lastName("Jansen")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(transport.calls).isEmpty();
    }

    @Test
    void reportsValidationErrorsWithExactsMessageAndNeverRetriesThem() {
        transport.then(call -> FakeTransport.reply(400,
                "{\"error\":{\"code\":\"\",\"message\":{\"lang\":\"\",\"value\":\"Verplicht: Dagboek\"}}}", Map.of()));

        assertThatThrownBy(() -> client.create(TARGET, "salesentry/SalesEntries",
                org.exactsync.exact.odata.ExactFields.empty().with("Description", "x")))
                .isInstanceOfSatisfying(ExactValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.exactMessage()).isEqualTo("Verplicht: Dagboek");
                    assertThat(e.endpoint()).isEqualTo("POST salesentry/SalesEntries");
                });
        assertThat(transport.calls).hasSize(1);
    }

    @Test
    void treatsA500WithAnErrorBodyAsValidation() {
        transport.then(call -> FakeTransport.reply(500,
                "{\"error\":{\"code\":\"\",\"message\":{\"lang\":\"\",\"value\":\"The financial year cannot be changed.\"}}}",
                Map.of()));

        assertThatThrownBy(() -> client.update(TARGET, "salesentry/SalesEntries", "guid'x'",
                org.exactsync.exact.odata.ExactFields.empty().with("EntryDate", java.time.LocalDate.of(2026, 1, 1))))
                .isInstanceOf(ExactValidationException.class)
                .hasMessageContaining("The financial year cannot be changed.");
        assertThat(transport.calls).hasSize(1);
    }

    @Test
    void mapsMissingRightsWithExactsReason() {
        transport.then(call -> FakeTransport.reply(403,
                "{\"error\":{\"code\":\"\",\"message\":{\"lang\":\"\",\"value\":\"Forbidden\"}}}",
                Map.of("Reason", "NoDivisionAccess")));

        assertThatThrownBy(() -> client.journals(TARGET))
                .isInstanceOfSatisfying(ExactForbiddenException.class,
                        e -> assertThat(e.exactMessage()).isEqualTo("Forbidden (reason: NoDivisionAccess)"));
        assertThat(transport.calls).hasSize(1);
    }

    @Test
    void mapsNotFound() {
        transport.thenReply(404, "");

        assertThatThrownBy(() -> client.delete(TARGET, "crm/Contacts", "guid'x'"))
                .isInstanceOf(ExactNotFoundException.class);
    }

    @Test
    void retriesAServiceUnavailableGetWithBackoff() {
        transport.thenReply(503, "").thenReply(502, "").then(call -> ok(page("", null)));

        assertThat(client.journals(TARGET)).isEmpty();
        assertThat(transport.calls).hasSize(3);
        assertThat(clock.instant()).isAfter(T0);
    }

    @Test
    void givesUpOnATransientFailureAfterTheLastAttempt() {
        transport.otherwise(call -> FakeTransport.reply(503, "", Map.of()));

        assertThatThrownBy(() -> client.journals(TARGET))
                .isInstanceOfSatisfying(ExactTransientException.class, e -> assertThat(e.outcomeUnknown()).isFalse());
        assertThat(transport.calls).hasSize(4);
    }

    @Test
    void aServiceUnavailableWithAnErrorBodyIsTransientNotValidation() {
        String body = "{\"error\":{\"code\":\"\",\"message\":{\"lang\":\"\",\"value\":\"Service unavailable\"}}}";
        transport.otherwise(call -> FakeTransport.reply(503, body, Map.of()));

        assertThatThrownBy(() -> client.journals(TARGET))
                .isInstanceOfSatisfying(ExactTransientException.class, e -> assertThat(e.outcomeUnknown()).isFalse());
    }

    @Test
    void aPostAnswered503IsNotRepeatedAndReportedAsOutcomeUnknown() {
        String body = "{\"error\":{\"code\":\"\",\"message\":{\"lang\":\"\",\"value\":\"Service unavailable\"}}}";
        transport.otherwise(call -> FakeTransport.reply(503, body, Map.of()));

        assertThatThrownBy(() -> client.createAccount(TARGET, AccountFields.none().name("Acme")))
                .isInstanceOfSatisfying(ExactTransientException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
        assertThat(transport.apiCalls()).hasSize(1);
    }

    @Test
    void aPostWithoutAnswerIsNotRepeatedAndReportedAsOutcomeUnknown() {
        transport.then(call -> {
            throw new TransportFailure("read timed out", true, null);
        });

        assertThatThrownBy(() -> client.createAccount(TARGET, AccountFields.none().name("Acme")))
                .isInstanceOfSatisfying(ExactTransientException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
        assertThat(transport.calls).hasSize(1);
    }

    @Test
    void aPostThatNeverConnectedIsSentAgain() {
        transport.then(call -> {
            throw new TransportFailure("connection refused", false, null);
        }).then(call -> FakeTransport.reply(201, "{\"d\":{\"ID\":\"00000000-0000-0000-0000-0000000000bb\"}}", Map.of()));

        assertThat(client.createAccount(TARGET, AccountFields.none().name("Acme")).id()).isNotNull();
        assertThat(transport.calls).hasSize(2);
    }

    @Test
    void aGetWithoutAnswerIsRetried() {
        transport.then(call -> {
            throw new TransportFailure("reset", true, null);
        }).then(call -> ok(page("", null)));

        assertThat(client.costCenters(TARGET)).isEmpty();
        assertThat(transport.calls).hasSize(2);
    }

    @Test
    void waitsForTheMinutelyResetAfterTooManyRequests() {
        Instant reset = Instant.parse("2026-03-02T10:01:00Z");
        transport.then(call -> FakeTransport.reply(429, "", Map.of("X-RateLimit-Minutely-Limit", "60",
                "X-RateLimit-Minutely-Remaining", "0", "X-RateLimit-Minutely-Reset", String.valueOf(reset.toEpochMilli()))))
                .then(call -> ok(page("", null)));

        client.paymentConditions(TARGET);

        assertThat(transport.calls).hasSize(2);
        assertThat(clock.instant()).isAfterOrEqualTo(reset.plusSeconds(1));
    }

    @Test
    void doesNotRetryWhenExactBlocksTheEndpointForTooManyErrors() {
        transport.then(call -> FakeTransport.reply(429,
                "{\"error\":{\"code\":\"\",\"message\":{\"lang\":\"\",\"value\":\"API rate limit exceeded\"}}}",
                Map.of("X-RateLimit-Minutely-Limit", "60", "X-RateLimit-Minutely-Remaining", "41",
                        "X-RateLimit-Minutely-Reset", String.valueOf(Instant.parse("2026-03-02T10:01:00Z").toEpochMilli()))));

        assertThatThrownBy(() -> client.journals(TARGET))
                .isInstanceOfSatisfying(ExactRateLimitedException.class,
                        e -> assertThat(e.resetAt()).isEqualTo(T0.plus(Duration.ofHours(1))));
        assertThat(transport.calls).hasSize(1);
    }

    @Test
    void doesNotRetryA429WithoutRateHeadersIntoTheErrorBlock() {
        transport.then(call -> FakeTransport.reply(429,
                "{\"error\":{\"code\":\"\",\"message\":{\"lang\":\"\",\"value\":\"API rate limit exceeded\"}}}",
                Map.of()));

        assertThatThrownBy(() -> client.journals(TARGET))
                .isInstanceOfSatisfying(ExactRateLimitedException.class,
                        e -> assertThat(e.resetAt()).isEqualTo(T0.plus(Duration.ofHours(1))));
        assertThat(transport.calls).hasSize(1);
    }

    @Test
    void retriesOnceWithTheTokenAnotherProcessStoredAfter401() {
        transport.then(call -> {
            // Meanwhile another process rotated the chain.
            var seen = tokens.find(KEY).orElseThrow();
            var leased = tokens.tryLease(KEY, seen.version(), "other", T0.plusSeconds(60), T0).orElseThrow();
            tokens.saveRefreshed(KEY, leased.version(), "other", "access-2", T0.plusSeconds(600), "refresh-2", T0);
            return FakeTransport.reply(401, "", Map.of());
        }).then(call -> ok(page("", null)));

        client.journals(TARGET);

        assertThat(transport.calls).extracting(c -> c.headers().get("Authorization"))
                .containsExactly("Bearer access-1", "Bearer access-2");
    }

    @Test
    void reportsAnAuthErrorWhenExactRefusesTheCurrentToken() {
        transport.otherwise(call -> FakeTransport.reply(401, "", Map.of()));

        assertThatThrownBy(() -> client.journals(TARGET)).isInstanceOf(ExactAuthException.class)
                .isNotInstanceOf(ExactConsentRequiredException.class);
        assertThat(transport.calls).hasSize(1);
    }

    @Test
    void neverSendsATokenThatCouldNotBeStored() {
        tokens.failSaveRefreshed = true;
        clock.advance(Duration.ofSeconds(598));
        transport.otherwise(call -> call.uri().getPath().equals("/api/oauth2/token")
                ? FakeTransport.reply(200, FakeTransport.tokenJson("access-2", "refresh-2", "\"600\""), Map.of())
                : ok(page("", null)));

        assertThatThrownBy(() -> client.journals(TARGET)).isInstanceOf(ExactTransientException.class);
        assertThat(transport.apiCalls()).isEmpty();
    }

    @Test
    void connectsATenantUnderTheUserExactNames() {
        transport.thenReply(200, FakeTransport.tokenJson("first-access", "first-refresh", "\"600\""))
                .then(call -> ok(page("{\"UserID\":\"00000000-0000-0000-0000-0000000000ee\",\"CurrentDivision\":4711}",
                        null)));

        TokenKey key = client.connect("tenant-9", "code-1");

        assertThat(key).isEqualTo(new TokenKey("tenant-9", SITE, "00000000-0000-0000-0000-0000000000ee"));
        assertThat(tokens.find(key)).hasValueSatisfying(r -> assertThat(r.refreshToken()).isEqualTo("first-refresh"));
        assertThat(transport.calls.get(1).headers()).containsEntry("Authorization", "Bearer first-access");
    }

    @Test
    void readsTypedValuesFromGenericRows() {
        transport.then(call -> ok(page("{\"EntryID\":\"00000000-0000-0000-0000-000000000001\",\"AmountDC\":121.5,"
                + "\"EntryDate\":\"/Date(1769900400000)/\",\"Timestamp\":\"123456789012\"}", null)));

        ExactRow row = client.query(TARGET, "salesentry/SalesEntries", ODataQuery.select("EntryID")).findFirst()
                .orElseThrow();

        assertThat(row.decimal("AmountDC")).isEqualByComparingTo("121.5");
        assertThat(row.localDate("EntryDate")).isEqualTo(java.time.LocalDate.of(2026, 2, 1));
        assertThat(row.int64("Timestamp")).isEqualTo(123456789012L);
        assertThat(row.string("Missing")).isNull();
        assertThat(row.toString()).doesNotContain("121.5");
    }

    @Test
    void buildsTheConsentUrlOnTheConfiguredSite() {
        assertThat(client.authorizationUrl("s 1")).isEqualTo(SITE
                + "/api/oauth2/auth?client_id=client&redirect_uri=https%3A%2F%2Fapp.test%2Fcb&response_type=code&state=s+1");
    }

    @Test
    void listsDivisionsThroughTheGivenDivision() {
        transport.then(call -> ok(page("{\"Code\":4711,\"Description\":\"BV\",\"Status\":1,\"Currency\":\"EUR\"},"
                + "{\"Code\":4712,\"Status\":2}", null)));

        var divisions = client.divisions(TARGET);

        assertThat(divisions.stream().filter(d -> d.active()).map(d -> d.code()).collect(Collectors.toList()))
                .containsExactly(4711);
        assertThat(transport.calls.get(0).uri().getPath()).isEqualTo("/api/v1/4711/system/Divisions");
    }
}
