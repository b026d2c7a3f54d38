package org.exactsync.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.GeneratedSet;
import org.exactsync.sandbox.KeyKind;
import org.exactsync.sandbox.SandboxHttp;
import org.exactsync.sandbox.SandboxUser;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generic HTTP/OData layer, over real HTTP. */
class ApiHttpTest {

    private static final int DIV = 100001;
    private static ExactSandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = ExactSandbox.builder()
                .clock(AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:00:00Z")))
                .rateLimits(new org.exactsync.sandbox.limits.RateLimits(100_000, 1_000_000))
                .maxErrorsPerHour(1_000)
                .users(List.of(new SandboxUser(UUID.randomUUID(), "scoped", "Scoped User", "s@example.test", DIV,
                        Set.of(DIV))))
                .entitySet(new GeneratedSet("test/GuidRows", KeyKind.GUID, 60, 130))
                .entitySet(new GeneratedSet("test/StringRows", KeyKind.STRING, 60, 130))
                .entitySet(new GeneratedSet("test/Int32Rows", KeyKind.INT32, 60, 130))
                .entitySet(new GeneratedSet("test/Int64Rows", KeyKind.INT64, 1000, 2500))
                .build().start();
        http = new SandboxHttp(sandbox).connected();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String base() {
        return "/api/v1/" + DIV + "/";
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return http.json(response);
    }

    private static void assertExactError(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode error = http.json(response).path("error");
        assertThat(error.path("code").asText()).isEmpty();
        assertThat(error.path("message").path("lang").isTextual()).isTrue();
        assertThat(error.path("message").path("value").asText()).isEqualTo(message);
    }

    @Test
    void wrapsCollectionsInDResultsWithAbsoluteNextCarryingFilterAndSelect() {
        JsonNode d = ok(http.get(base() + "test/Int32Rows?$filter=Number gt 5&$select=Key,Label")).path("d");
        assertThat(d.path("results")).hasSize(60);
        String next = d.path("__next").asText();
        assertThat(next).startsWith(sandbox.baseUrl() + "/api/v1/" + DIV + "/test/Int32Rows?");
        String decoded = URLDecoder.decode(next, StandardCharsets.UTF_8);
        assertThat(decoded).contains("$filter=Number gt 5").contains("$select=Key,Label").contains("$skiptoken=65");
        JsonNode record = d.path("results").get(0);
        assertThat(record.path("__metadata").path("uri").asText()).endsWith("/test/Int32Rows(6)");
        assertThat(record.path("__metadata").path("type").asText()).isEqualTo("Exact.Test.Generated");
        assertThat(record.has("Number")).isFalse();
        assertThat(record.path("Label").asText()).isEqualTo("Row 6");
    }

    @Test
    void followsNextUntilItIsAbsentOnTheLastPage() {
        List<Integer> sizes = new ArrayList<>();
        JsonNode d = ok(http.get(base() + "test/GuidRows")).path("d");
        sizes.add(d.path("results").size());
        while (d.has("__next")) {
            d = ok(http.getAbsolute(d.path("__next").asText())).path("d");
            sizes.add(d.path("results").size());
        }
        assertThat(sizes).containsExactly(60, 60, 10);
    }

    @Test
    void bulkAndSyncEndpointsPageByAThousand() {
        JsonNode d = ok(http.get(base() + "test/Int64Rows")).path("d");
        assertThat(d.path("results")).hasSize(1000);
        assertThat(URLDecoder.decode(d.path("__next").asText(), StandardCharsets.UTF_8))
                .endsWith("$skiptoken=1001000L");
        JsonNode last = ok(http.getAbsolute(
                ok(http.getAbsolute(d.path("__next").asText())).path("d").path("__next").asText())).path("d");
        assertThat(last.path("results")).hasSize(500);
        assertThat(last.has("__next")).isFalse();
    }

    @Test
    void typesTheSkipTokenByKeyKind() {
        assertThat(nextToken("test/GuidRows")).matches("guid'[0-9a-f-]{36}'");
        assertThat(nextToken("test/StringRows")).isEqualTo("'K00060'");
        assertThat(nextToken("test/Int32Rows")).isEqualTo("60");
        assertThat(nextToken("test/Int64Rows?$filter=Number le 1500")).isEqualTo("1001000L");
    }

    private String nextToken(String pathAndQuery) {
        String next = ok(http.get(base() + pathAndQuery)).path("d").path("__next").asText();
        String decoded = URLDecoder.decode(next, StandardCharsets.UTF_8);
        return decoded.substring(decoded.indexOf("$skiptoken=") + "$skiptoken=".length());
    }

    @Test
    void answersTopWithABareArrayAndNoNext() {
        JsonNode d = ok(http.get(base() + "test/Int32Rows?$top=5")).path("d");
        assertThat(d.isArray()).isTrue();
        assertThat(d).hasSize(5);
    }

    @Test
    void countsWithTopZeroAndInlineCountAsAString() {
        JsonNode d = ok(http.get(base() + "test/Int32Rows?$top=0&$inlinecount=allpages")).path("d");
        assertThat(d.path("__count").isTextual()).isTrue();
        assertThat(d.path("__count").asText()).isEqualTo("130");
        assertThat(d.path("results")).isEmpty();
    }

    @Test
    void servesASingleEntityByKeyAsABareD() {
        JsonNode d = ok(http.get(base() + "test/StringRows('K00007')?$select=Number")).path("d");
        assertThat(d.isObject()).isTrue();
        assertThat(d.path("Number").asInt()).isEqualTo(7);
        assertThat(d.path("__metadata").path("uri").asText()).endsWith("/test/StringRows('K00007')");
    }

    @Test
    void answersUnknownKeyWith404InExactsErrorShape() {
        assertExactError(http.get(base() + "test/Int32Rows(9999)"), 404, "Not found");
    }

    @Test
    void answersUnknownEndpointWith404() {
        assertThat(http.get(base() + "crm/Nonsense").statusCode()).isEqualTo(404);
    }

    @Test
    void rejectsAKeyLiteralOfTheWrongKind() {
        assertThat(http.get(base() + "test/GuidRows(12)").statusCode()).isEqualTo(400);
    }

    @Test
    void answersAtomXmlWithoutTheJsonAcceptHeader() {
        HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(http.url(base() + "financial/Journals")))
                .header("Authorization", "Bearer " + http.accessToken()).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/atom+xml"));
        assertThat(response.body()).startsWith("<?xml");
        assertThatThrownBy(() -> http.json(response)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void requiresABearerToken() {
        SandboxHttp anonymous = new SandboxHttp(sandbox);
        assertThat(anonymous.get(base() + "financial/Journals").statusCode()).isEqualTo(401);
        assertThat(anonymous.withToken("invented").get(base() + "financial/Journals").statusCode()).isEqualTo(401);
    }

    @Test
    void refusesDivisionsOutsideTheConsentedScope() {
        assertExactError(http.get("/api/v1/100002/financial/Journals"), 403,
                "User division is not within division scope");
        HttpResponse<String> unknown = http.get("/api/v1/999999/financial/Journals");
        assertExactError(unknown, 403, "Forbidden");
        assertThat(unknown.headers().firstValue("Reason")).hasValue("NoDivisionAccess");
    }

    @Test
    void refusesABlockedDivisionWithReasonHeader() {
        var profile = sandbox.profile(DIV).orElseThrow();
        sandbox.updateProfile(new org.exactsync.sandbox.DivisionProfile(profile.code(), profile.hid(),
                profile.description(), profile.currency(), profile.country(), profile.legislation(), profile.status(),
                1, profile.mainDivision(), profile.vatNumber(), profile.chamberOfCommerce(), null));
        try {
            HttpResponse<String> response = http.get(base() + "financial/Journals?$select=Code");
            assertExactError(response, 403, "Forbidden");
            assertThat(response.headers().firstValue("Reason")).hasValue("DivisionBlocked");
        } finally {
            sandbox.updateProfile(profile);
        }
        assertThat(http.get(base() + "financial/Journals?$select=Code").statusCode()).isEqualTo(200);
    }

    @Test
    void rendersDatesAsDateMillisInDutchWallTime() {
        JsonNode period = ok(http.get(base() + "financial/FinancialPeriods?$filter=FinYear eq 2026 and FinPeriod eq 7"
                + "&$select=StartDate,EndDate")).path("d").path("results").get(0);
        assertThat(period.path("StartDate").asText())
                .isEqualTo("/Date(" + Instant.parse("2026-07-01T00:00:00Z").toEpochMilli() + ")/");
        assertThat(period.path("EndDate").asText())
                .isEqualTo("/Date(" + Instant.parse("2026-07-31T00:00:00Z").toEpochMilli() + ")/");
    }

    @Test
    void rendersAmountsAsNumbersAndExpandedCollectionsAsResults() {
        JsonNode vat = ok(http.get(base() + "vat/VATCodes?$filter=Code eq '2  '&$select=Code,Percentage,"
                + "VATPercentages&$expand=VATPercentages")).path("d").path("results").get(0);
        assertThat(vat.path("Percentage").isNumber()).isTrue();
        assertThat(vat.path("Percentage").decimalValue()).isEqualByComparingTo("0.21");
        assertThat(vat.path("VATPercentages").path("results").get(0).path("Percentage").isNumber()).isTrue();
    }

    @Test
    void createsWith201AndTheFullEntityWhenRepresentationIsPreferred() {
        HttpResponse<String> response = http.post(base() + "hrm/Costcenters",
                "{\"Code\":\"CC-PREF\",\"Description\":\"Voorkeur\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode d = http.json(response).path("d");
        assertThat(d.path("Description").asText()).isEqualTo("Voorkeur");
        assertThat(d.path("ID").asText()).hasSize(36);
    }

    @Test
    void createsWithOnlyTheKeyFilledWithoutThePreferHeader() {
        HttpResponse<String> response = http.postWithoutPrefer(base() + "hrm/Costcenters",
                "{\"Code\":\"CC-NOPR\",\"Description\":\"Zonder\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode d = http.json(response).path("d");
        assertThat(d.path("ID").asText()).hasSize(36);
        assertThat(d.path("Description").isNull()).isTrue();
        assertThat(d.path("Code").isNull()).isTrue();
    }

    @Test
    void answersPutAndDeleteWith204AndNoBody() {
        String id = http.json(http.post(base() + "hrm/Costcenters", "{\"Code\":\"CC-PUT\",\"Description\":\"A\"}"))
                .path("d").path("ID").asText();
        HttpResponse<String> put = http.put(base() + "hrm/Costcenters(guid'" + id + "')", "{\"Description\":\"B\"}");
        assertThat(put.statusCode()).isEqualTo(204);
        assertThat(put.body()).isEmpty();
        assertThat(ok(http.get(base() + "hrm/Costcenters(guid'" + id + "')")).path("d").path("Description").asText())
                .isEqualTo("B");
        HttpResponse<String> delete = http.delete(base() + "hrm/Costcenters(guid'" + id + "')");
        assertThat(delete.statusCode()).isEqualTo(204);
        assertThat(delete.body()).isEmpty();
        assertThat(http.get(base() + "hrm/Costcenters(guid'" + id + "')").statusCode()).isEqualTo(404);
    }

    @Test
    void answersMethodsAnEndpointDoesNotSupportWith405() {
        assertThat(http.post(base() + "financial/Journals", "{\"Code\":\"71\"}").statusCode()).isEqualTo(405);
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        assertThat(http.post(base() + "hrm/Costcenters", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void rejectsUnknownSelectNamesAndWrongCase() {
        assertThat(http.get(base() + "financial/Journals?$select=Code,type").statusCode()).isEqualTo(400);
        assertThat(ok(http.get(base() + "financial/Journals?$select=Code,Type")).path("d").path("results"))
                .hasSize(5);
    }

    @Test
    void servesCurrentMe() {
        JsonNode me = ok(http.get("/api/v1/current/Me?$select=CurrentDivision,UserName")).path("d").path("results")
                .get(0);
        assertThat(me.path("CurrentDivision").asInt()).isEqualTo(DIV);
        assertThat(me.path("UserName").asText()).isEqualTo("scoped");
    }
}
