package org.exactsync.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.SandboxHttp;
import org.exactsync.sandbox.SandboxVariants;
import org.exactsync.sandbox.master.MasterDataSeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OData-level rules of issue 16 over real HTTP: bodies with unknown properties or of another media type refused,
 * Int64 as strings, {@code $count}, following {@code __deferred}, the recorded shapes, and each variant switch.
 */
class ODataFidelityHttpTest {

    private static final int DIV = 100001;
    private static final String API = "/api/v1/" + DIV + "/";

    private ExactSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = SandboxHttp.frozenUnlimitedSandbox();
        http = new SandboxHttp(sandbox).connected();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String message(HttpResponse<String> response) {
        return http.json(response).path("error").path("message").path("value").asText();
    }

    private String createAccount(String name) {
        HttpResponse<String> created = http.post(API + "crm/Accounts",
                "{\"Name\":\"" + name + "\",\"Status\":\"C\",\"PaymentConditionSales\":\"30\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return http.json(created).path("d").path("ID").asText();
    }

    private JsonNode postSalesEntry(String customer) {
        HttpResponse<String> response = http.post(API + "salesentry/SalesEntries", "{\"Journal\":\"70\",\"Customer\":\""
                + customer + "\",\"EntryDate\":\"2026-11-20T00:00:00\",\"YourRef\":\"F-1\",\"SalesEntryLines\":[{"
                + "\"GLAccount\":\"" + MasterDataSeed.id(DIV, "gl", "8000") + "\",\"AmountFC\":\"100.00\","
                + "\"VATCode\":\"2\"}]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return http.json(response).path("d");
    }

    @Test
    void refusesAnUnknownPropertyOnPostNamingItAndCreatesNothing() {
        HttpResponse<String> refused = http.post(API + "crm/Accounts", "{\"Name\":\"Acme\",\"Nmae\":\"Acme\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(message(refused)).isEqualTo("The property 'Nmae' does not exist on type"
                + " 'Exact.Web.Api.Models.Account'. Make sure to only use property names that are defined by the type.");
        assertThat(sandbox.rows(DIV, "crm/Accounts")).noneMatch(r -> "Acme".equals(r.get("Name")));
    }

    @Test
    void refusesAnUnknownPropertyOnPutAndInAnEmbeddedLine() {
        String account = createAccount("Acme");
        HttpResponse<String> put = http.put(API + "crm/Accounts(guid'" + account + "')", "{\"Emial\":\"a@b.test\"}");
        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(message(put)).contains("'Emial'");
        HttpResponse<String> entry = http.post(API + "salesentry/SalesEntries", "{\"Journal\":\"70\",\"Customer\":\""
                + account + "\",\"EntryDate\":\"2026-11-20T00:00:00\",\"SalesEntryLines\":[{\"GLAccount\":\""
                + MasterDataSeed.id(DIV, "gl", "8000") + "\",\"AmountFC\":\"100.00\",\"VatCode\":\"2\"}]}");
        assertThat(entry.statusCode()).isEqualTo(400);
        assertThat(message(entry)).contains("'VatCode'").contains("SalesEntryLine");
    }

    @Test
    void acceptsODataMetadataAndKnownReadOnlyPropertiesInABody() {
        HttpResponse<String> created = http.post(API + "crm/Accounts",
                "{\"__metadata\":{\"type\":\"Exact.Web.Api.Models.Account\"},\"Name\":\"Acme\",\"Created\":null}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Test
    void refusesABodyThatIsNotDeclaredJson() {
        HttpRequest request = http.request(API + "crm/Accounts").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"Acme\"}")).build();
        HttpResponse<String> refused = http.send(request);
        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(message(refused)).contains("text/plain");
        assertThat(sandbox.rows(DIV, "crm/Accounts")).noneMatch(r -> "Acme".equals(r.get("Name")));
    }

    @Test
    void rendersInt64ValuesAsJsonStrings() {
        createAccount("Acme");
        JsonNode row = http.json(http.get(API + "sync/CRM/Accounts?$filter=Timestamp gt 1L&$select=ID,Timestamp"))
                .path("d").path("results").get(0);
        assertThat(row.path("Timestamp").isTextual()).isTrue();
        assertThat(Long.parseLong(row.path("Timestamp").asText())).isPositive();
        JsonNode division = http.json(http.get(API + "system/Divisions?$filter=Code eq " + DIV)).path("d")
                .path("results").get(0);
        assertThat(division.path("Hid").isTextual()).isTrue();
        assertThat(division.path("Country").asText()).isEqualTo("NL ");
    }

    @Test
    void syncEndpointsIgnoreTop() {
        createAccount("A");
        createAccount("B");
        JsonNode d = http.json(http.get(API + "sync/CRM/Accounts?$filter=Timestamp gt 1L&$top=1")).path("d");
        assertThat(d.path("results")).hasSize(2);
    }

    @Test
    void answersCountAsPlainNumberUnderTheEndpointsFilterRules() {
        createAccount("A");
        createAccount("B");
        HttpResponse<String> count = http.get(API + "crm/Accounts/$count?$filter=Status eq 'C'");
        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(count.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/plain"));
        assertThat(count.body()).isEqualTo("2");
        assertThat(http.get(API + "crm/Accounts/$count").statusCode()).isEqualTo(400);
    }

    @Test
    void followsADeferredNavigationLink() {
        JsonNode entry = postSalesEntry(createAccount("Acme"));
        String id = entry.path("EntryID").asText();
        String deferred = http.json(http.get(API + "salesentry/SalesEntries?$filter=EntryID eq guid'" + id
                + "'&$select=EntryID,SalesEntryLines")).path("d").path("results").get(0).path("SalesEntryLines")
                .path("__deferred").path("uri").asText();
        JsonNode lines = http.json(http.getAbsolute(deferred)).path("d").path("results");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("__metadata").path("type").asText())
                .isEqualTo("Exact.Web.Api.Models.SalesEntryLine");
        assertThat(lines.get(0).path("VATCode").asText()).isEqualTo("2  ");
        assertThat(http.get(API + "salesentry/SalesEntries(guid'" + id + "')/Nope").statusCode()).isEqualTo(404);
    }

    @Test
    void answersMeWithTheRecordedTypeAndServerTimeAsText() {
        JsonNode me = http.json(http.get("/api/v1/current/Me")).path("d").path("results").get(0);
        assertThat(me.path("__metadata").path("type").asText()).isEqualTo("Exact.Web.Api.Models.System.Me");
        assertThat(me.path("ServerTime").asText()).isEqualTo("2026-11-26T11:00:00.000");
    }

    @Test
    void topIsBareUpToThePageSizeAndPagedBeyondItUnderTheRecordedVariant() {
        String filter = "$filter=Type eq 110&$select=ID,Code";
        assertThat(http.json(http.get(API + "financial/GLAccounts?" + filter + "&$top=2")).path("d").isArray())
                .isTrue();
        for (int i = 0; i < 70; i++) {
            assertThat(http.post(API + "crm/Accounts", "{\"Name\":\"N" + i + "\"}").statusCode()).isEqualTo(201);
        }
        JsonNode d = http.json(http.get(API + "crm/Accounts?$filter=Name ne 'x'&$select=ID&$top=65")).path("d");
        assertThat(d.path("results")).hasSize(60);
        JsonNode rest = http.json(http.getAbsolute(d.path("__next").asText())).path("d");
        assertThat(rest.isArray()).isTrue();
        assertThat(rest).hasSize(5);

        sandbox.useVariants(SandboxVariants.strict().withTopShape(SandboxVariants.TopShape.BARE_CAPPED));
        JsonNode capped = http.json(http.get(API + "crm/Accounts?$filter=Name ne 'x'&$select=ID&$top=65")).path("d");
        assertThat(capped.isArray()).isTrue();
        assertThat(capped).hasSize(60);
    }

    @Test
    void contactsNeedAFilterOnlyUnderTheStrictVariant() {
        HttpResponse<String> refused = http.get(API + "crm/Contacts?$select=ID");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(message(refused)).startsWith("This endpoint has mandatory filtering applied.").contains("Account");
        String account = createAccount("Acme");
        assertThat(http.get(API + "crm/Contacts?$select=ID&$filter=Account eq guid'" + account + "'").statusCode())
                .isEqualTo(200);
        sandbox.useVariants(SandboxVariants.lenient());
        assertThat(http.get(API + "crm/Contacts?$select=ID").statusCode()).isEqualTo(200);
    }

    @Test
    void switchesVariantsOverTheAdminApi() {
        HttpResponse<String> set = http.post("/sandbox/variants", "{\"EXACT_SANDBOX_CONTACTS_FILTER\":\"optional\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(http.json(set).path("contactsFilterMandatory").asBoolean()).isFalse();
        assertThat(http.json(set).path("topShape").asText()).isEqualTo("RECORDED");
        assertThat(http.get(API + "crm/Contacts?$select=ID").statusCode()).isEqualTo(200);
        assertThat(http.json(http.get("/sandbox/variants")).path("oldRefreshTokenStatus").asInt()).isEqualTo(400);
    }
}
