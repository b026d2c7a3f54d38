package org.exactsync.sandbox.master;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.SandboxHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Field lengths and references on accounts, contacts and cost centers (docs/exact-reference.md §5.1, §5.20). */
class MasterFieldRulesHttpTest {

    private static final int DIV = 100001;
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



    private static String account(String json) {
        return http.created(http.post(API + "crm/Accounts", json)).path("ID").asText();
    }

    @Test
    void acceptsAnAccountNameOfFiftyCharactersAndRefusesFiftyOne() {
        account("{\"Name\":\"" + "n".repeat(50) + "\"}");
        assertThat(http.refusal(http.post(API + "crm/Accounts", "{\"Name\":\"" + "n".repeat(51) + "\"}")))
                .isEqualTo("Invalid: Name (maximum length 50)");
    }

    @Test
    void refusesATooLongNameOnPutAndKeepsTheStoredOne() {
        String id = account("{\"Name\":\"Kort BV\"}");
        assertThat(http.refusal(http.put(API + "crm/Accounts(guid'" + id + "')", "{\"Name\":\"" + "x".repeat(51) + "\"}")))
                .isEqualTo("Invalid: Name (maximum length 50)");
        assertThat(sandbox.rows(DIV, "crm/Accounts")).filteredOn(r -> id.equals(String.valueOf(r.get("ID"))))
                .extracting(r -> r.get("Name")).containsExactly("Kort BV");
    }

    @Test
    void refusesTheOtherAccountTextFieldsBeyondTheirLimits() {
        assertThat(http.refusal(http.post(API + "crm/Accounts",
                "{\"Name\":\"A\",\"City\":\"" + "c".repeat(31) + "\"}"))).isEqualTo("Invalid: City (maximum length 30)");
        assertThat(http.refusal(http.post(API + "crm/Accounts",
                "{\"Name\":\"A\",\"Phone\":\"" + "1".repeat(18) + "\"}"))).isEqualTo("Invalid: Phone (maximum length 17)");
        assertThat(http.refusal(http.post(API + "crm/Accounts",
                "{\"Name\":\"A\",\"VATNumber\":\"" + "N".repeat(21) + "\"}")))
                .isEqualTo("Invalid: VATNumber (maximum length 20)");
        assertThat(http.refusal(http.post(API + "crm/Accounts",
                "{\"Name\":\"A\",\"AddressLine1\":\"" + "a".repeat(61) + "\"}")))
                .isEqualTo("Invalid: AddressLine1 (maximum length 60)");
    }

    @Test
    void refusesAnUnknownPaymentConditionAndAcceptsASeededOne() {
        assertThat(http.refusal(http.post(API + "crm/Accounts", "{\"Name\":\"A\",\"PaymentConditionSales\":\"99\"}")))
                .isEqualTo("Invalid reference: PaymentConditionSales");
        assertThat(http.refusal(http.post(API + "crm/Accounts", "{\"Name\":\"A\",\"PaymentConditionPurchase\":\"X\"}")))
                .isEqualTo("Invalid reference: PaymentConditionPurchase");
        JsonNode ok = http.created(http.post(API + "crm/Accounts", "{\"Name\":\"B\",\"PaymentConditionSales\":\"30\"}"));
        assertThat(ok.path("PaymentConditionSales").asText()).isEqualTo("30");
    }

    @Test
    void refusesAnUnknownPaymentConditionOnPutButLetsItBeCleared() {
        String id = account("{\"Name\":\"C\",\"PaymentConditionSales\":\"14\"}");
        assertThat(http.refusal(http.put(API + "crm/Accounts(guid'" + id + "')", "{\"PaymentConditionSales\":\"45\"}")))
                .isEqualTo("Invalid reference: PaymentConditionSales");
        assertThat(http.put(API + "crm/Accounts(guid'" + id + "')", "{\"PaymentConditionSales\":\"\"}").statusCode())
                .isEqualTo(204);
    }

    @Test
    void refusesUnknownVatCodesAndGlAccountsOnAnAccount() {
        assertThat(http.refusal(http.post(API + "crm/Accounts", "{\"Name\":\"A\",\"SalesVATCode\":\"77\"}")))
                .isEqualTo("Invalid reference: SalesVATCode");
        assertThat(http.refusal(http.post(API + "crm/Accounts",
                "{\"Name\":\"A\",\"GLAccountSales\":\"" + MasterDataSeed.id(100002, "gl", "8000") + "\"}")))
                .as("another division's GL account").isEqualTo("Invalid reference: GLAccountSales");
        http.created(http.post(API + "crm/Accounts", "{\"Name\":\"D\",\"SalesVATCode\":\"2\",\"GLAccountSales\":\""
                + MasterDataSeed.id(DIV, "gl", "8000") + "\"}"));
    }

    @Test
    void refusesAContactEmailOrPhoneBeyondTheLimits() {
        String accountId = account("{\"Name\":\"Contacthouder\"}");
        String email = "e".repeat(92) + "@mail.nl";
        assertThat(email).hasSize(100);
        http.created(http.post(API + "crm/Contacts",
                "{\"Account\":\"" + accountId + "\",\"LastName\":\"Jansen\",\"Email\":\"" + email + "\"}"));
        assertThat(http.refusal(http.post(API + "crm/Contacts",
                "{\"Account\":\"" + accountId + "\",\"LastName\":\"Jansen\",\"Email\":\"x" + email + "\"}")))
                .isEqualTo("Invalid: Email (maximum length 100)");
        assertThat(http.refusal(http.post(API + "crm/Contacts",
                "{\"Account\":\"" + accountId + "\",\"LastName\":\"Jansen\",\"Phone\":\"" + "0".repeat(18) + "\"}")))
                .isEqualTo("Invalid: Phone (maximum length 17)");
    }

    @Test
    void refusesACostCenterDescriptionOfSixtyOneCharacters() {
        http.created(http.post(API + "hrm/Costcenters", "{\"Code\":\"CC60\",\"Description\":\"" + "d".repeat(60) + "\"}"));
        assertThat(http.refusal(http.post(API + "hrm/Costcenters",
                "{\"Code\":\"CC61\",\"Description\":\"" + "d".repeat(61) + "\"}")))
                .isEqualTo("Invalid: Description (maximum length 60)");
        String id = http.created(http.post(API + "hrm/Costcenters", "{\"Code\":\"CC62\",\"Description\":\"Kort\"}"))
                .path("ID").asText();
        assertThat(http.refusal(http.put(API + "hrm/Costcenters(guid'" + id + "')",
                "{\"Description\":\"" + "d".repeat(61) + "\"}"))).isEqualTo("Invalid: Description (maximum length 60)");
    }
}
