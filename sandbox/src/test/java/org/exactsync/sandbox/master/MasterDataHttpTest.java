package org.exactsync.sandbox.master;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.SandboxHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The master-data endpoints and their Exact rules, over HTTP. */
class MasterDataHttpTest {

    private static final int DIV = 100002;
    private static final String API = "/api/v1/" + DIV + "/";
    private static ExactSandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = SandboxHttp.frozenUnlimitedSandbox();
        http = new SandboxHttp(sandbox).connected();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }



    private static JsonNode results(String pathAndQuery) {
        HttpResponse<String> response = http.get(API + pathAndQuery);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return http.json(response).path("d").path("results");
    }

    @Test
    void storesAccountCodesRightAlignedInEighteenCharacters() {
        JsonNode account = http.created(http.post(API + "crm/Accounts", "{\"Code\":\"4711\",\"Name\":\"Padded BV\"}"));
        assertThat(account.path("Code").asText()).isEqualTo("              4711").hasSize(18);
        assertThat(results("crm/Accounts?$filter=Code eq '4711'&$select=ID")).isEmpty();
        assertThat(results("crm/Accounts?$filter=Code eq '              4711'&$select=ID")).hasSize(1);
    }

    @Test
    void assignsHighestPlusOneWhenCodeIsOmitted() {
        http.created(http.post(API + "crm/Accounts", "{\"Code\":\"900000\",\"Name\":\"High BV\"}"));
        JsonNode account = http.created(http.post(API + "crm/Accounts", "{\"Name\":\"Next BV\"}"));
        assertThat(account.path("Code").asText().trim()).isEqualTo("900001");
    }

    @Test
    void rejectsADuplicateAccountCode() {
        http.created(http.post(API + "crm/Accounts", "{\"Code\":\"5005\",\"Name\":\"First\"}"));
        assertThat(http.refusal(http.post(API + "crm/Accounts", "{\"Code\":\" 5005\",\"Name\":\"Second\"}")))
                .isEqualTo("Already exists: Code");
    }

    @Test
    void requiresAnAccountName() {
        assertThat(http.refusal(http.post(API + "crm/Accounts", "{\"Code\":\"5006\"}"))).isEqualTo("Mandatory: Name");
    }

    @Test
    void acceptsOnlyKnownAccountStatuses() {
        assertThat(http.refusal(http.post(API + "crm/Accounts", "{\"Name\":\"R\",\"Status\":\"R\"}")))
                .isEqualTo("Invalid: Status");
    }

    @Test
    void returnsCountryPaddedToThree() {
        JsonNode account = http.created(http.post(API + "crm/Accounts", "{\"Name\":\"Land BV\",\"Country\":\"NL\"}"));
        assertThat(account.path("Country").asText()).isEqualTo("NL ");
    }

    @Test
    void requiresAFilterOnAWhitelistedFieldForAccountLists() {
        assertThat(http.refusal(http.get(API + "crm/Accounts?$select=ID,Name")))
                .startsWith("This endpoint has mandatory filtering applied.").contains("ChamberOfCommerce");
        assertThat(http.refusal(http.get(API + "crm/Accounts?$select=ID&$filter=Website eq 'x'")))
                .startsWith("This endpoint has mandatory filtering applied.");
    }

    @Test
    void updatesAccountsPartiallyAndMovesTheirTimestamp() {
        JsonNode account = http.created(http.post(API + "crm/Accounts",
                "{\"Name\":\"Partial BV\",\"City\":\"Utrecht\",\"Status\":\"C\"}"));
        String key = "crm/Accounts(guid'" + account.path("ID").asText() + "')";
        assertThat(http.put(API + key, "{\"City\":\"Zwolle\"}").statusCode()).isEqualTo(204);
        JsonNode after = http.json(http.get(API + key)).path("d");
        assertThat(after.path("City").asText()).isEqualTo("Zwolle");
        assertThat(after.path("Name").asText()).isEqualTo("Partial BV");
        assertThat(after.path("Status").asText()).isEqualTo("C");
        assertThat(after.path("Timestamp").asLong()).isGreaterThan(account.path("Timestamp").asLong());
    }

    @Test
    void requiresTheAccountOfAContactAndAName() {
        assertThat(http.refusal(http.post(API + "crm/Contacts", "{\"LastName\":\"Jansen\"}"))).isEqualTo("Mandatory: Account");
        String account = http.created(http.post(API + "crm/Accounts", "{\"Name\":\"Contact BV\"}")).path("ID").asText();
        assertThat(http.refusal(http.post(API + "crm/Contacts", "{\"Account\":\"" + account + "\"}")))
                .isEqualTo("Mandatory: First name or Last name");
        assertThat(http.created(http.post(API + "crm/Contacts", "{\"Account\":\"" + account + "\",\"FirstName\":\"Piet\"}"))
                .path("FullName").asText()).isEqualTo("Piet");
    }

    @Test
    void derivesIsMainContactFromTheAccountAndKeepsAccountPostOnly() {
        String account = http.created(http.post(API + "crm/Accounts", "{\"Name\":\"Main BV\"}")).path("ID").asText();
        String other = http.created(http.post(API + "crm/Accounts", "{\"Name\":\"Other BV\"}")).path("ID").asText();
        JsonNode contact = http.created(http.post(API + "crm/Contacts",
                "{\"Account\":\"" + account + "\",\"LastName\":\"de Vries\",\"Email\":\"x@example.test\"}"));
        assertThat(contact.path("IsMainContact").asBoolean()).isFalse();
        assertThat(contact.path("BusinessEmail").asText()).isEqualTo("x@example.test");
        String contactKey = "crm/Contacts(guid'" + contact.path("ID").asText() + "')";
        assertThat(http.put(API + "crm/Accounts(guid'" + account + "')",
                "{\"MainContact\":\"" + contact.path("ID").asText() + "\"}").statusCode()).isEqualTo(204);
        assertThat(http.put(API + contactKey, "{\"Account\":\"" + other + "\"}").statusCode()).isEqualTo(204);
        JsonNode after = http.json(http.get(API + contactKey)).path("d");
        assertThat(after.path("IsMainContact").asBoolean()).isTrue();
        assertThat(after.path("Account").asText()).isEqualTo(account);
    }

    @Test
    void limitsCostcenterCodesToEightCharactersAndKeepsThemUnique() {
        assertThat(http.refusal(http.post(API + "hrm/Costcenters", "{\"Code\":\"P1234567X\",\"Description\":\"Te lang\"}")))
                .startsWith("Invalid: Code");
        http.created(http.post(API + "hrm/Costcenters", "{\"Code\":\"P1234\",\"Description\":\"Project\"}"));
        assertThat(http.refusal(http.post(API + "hrm/Costcenters", "{\"Code\":\"P1234\",\"Description\":\"Dubbel\"}")))
                .isEqualTo("Already exists: Code");
    }

    @Test
    void servesSeededGlAccountsWithTypesAndBlockedFlag() {
        JsonNode gl = results("financial/GLAccounts?$filter=Code eq '1300' or Code eq '8999'"
                + "&$select=Code,Type,IsBlocked,BalanceType");
        assertThat(gl).hasSize(2);
        for (JsonNode row : gl) {
            if (row.path("Code").asText().equals("1300")) {
                assertThat(row.path("Type").asInt()).isEqualTo(20);
                assertThat(row.path("BalanceType").asText()).isEqualTo("B");
            } else {
                assertThat(row.path("IsBlocked").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void servesVatCodesPaddedToThreeWithFractionalPercentages() {
        JsonNode vat = results("vat/VATCodes?$filter=trim(Code) eq '1'&$select=Code,Percentage,Type");
        assertThat(vat.get(0).path("Code").asText()).isEqualTo("1  ");
        assertThat(vat.get(0).path("Percentage").decimalValue()).isEqualByComparingTo("0.09");
        assertThat(results("vat/VATCodes?$filter=Charged eq true&$select=Code")).hasSize(1);
    }

    @Test
    void servesSalesAndPurchaseJournals() {
        JsonNode journals = results("financial/Journals?$filter=Type eq 20 or Type eq 22&$select=Code,Type");
        assertThat(journals).extracting(j -> j.path("Code").asText()).containsExactlyInAnyOrder("70", "60");
    }

    @Test
    void servesTwoFinancialYearsOfTwelvePeriods() {
        assertThat(results("financial/FinancialPeriods?$filter=FinYear eq 2026&$select=FinPeriod")).hasSize(12);
        assertThat(results("financial/FinancialPeriods?$filter=FinYear eq 2027&$select=FinPeriod")).hasSize(12);
        assertThat(results("financial/FinancialPeriods?$filter=FinYear eq 2028&$select=FinPeriod")).isEmpty();
    }

    @Test
    void showsAClosedPeriodInTheJournalStatusList() {
        MasterDataSeed.closePeriod(sandbox.division(DIV), "70", 2026, 10);
        JsonNode status = results("read/financial/JournalStatusList?$filter=Journal eq '70' and Year eq 2026"
                + " and (Period eq 10 or Period eq 11)&$select=Period,Status");
        assertThat(status).extracting(s -> s.path("Period").asInt() + ":" + s.path("Status").asInt())
                .containsExactlyInAnyOrder("10:1", "11:0");
    }

    @Test
    void servesPaymentConditions() {
        assertThat(results("cashflow/PaymentConditions?$select=Code,PaymentDays"))
                .extracting(p -> p.path("Code").asText()).contains("14", "30", "60");
    }

    @Test
    void listsDivisionsByInt32Code() {
        assertThat(results("system/Divisions?$select=Code,Country")).hasSize(3);
        JsonNode one = http.json(http.get(API + "system/Divisions(200001)")).path("d");
        assertThat(one.path("Legislation").asText()).isEqualTo("BE");
        assertThat(one.path("__metadata").path("uri").asText()).endsWith("system/Divisions(200001)");
    }

    @Test
    void createsAccountsFromManyThreadsWithUniqueCodes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> codes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                codes.add(pool.submit(() -> http.created(http.post(API + "crm/Accounts", "{\"Name\":\"Parallel " + n
                        + "\"}")).path("Code").asText()));
            }
            Set<String> unique = new java.util.HashSet<>();
            for (Future<String> code : codes) {
                unique.add(code.get());
            }
            assertThat(unique).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
    }
}
