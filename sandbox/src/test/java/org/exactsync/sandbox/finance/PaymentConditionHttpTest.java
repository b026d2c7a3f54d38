package org.exactsync.sandbox.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.SandboxHttp;
import org.exactsync.sandbox.master.MasterDataSeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The payment-condition rule over HTTP on the seeded divisions (docs/exact-reference.md §4.3, §5.4): one division has
 * no default condition, the others default to 30, and a bookkeeper can set one.
 */
class PaymentConditionHttpTest {

    static ExactSandbox sandbox;
    static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = SandboxHttp.frozenSandbox();
        http = new SandboxHttp(sandbox).connected();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void seedsADefaultPaymentConditionInEveryDivisionButOne() {
        int with = 100001;
        int without = MasterDataSeed.WITHOUT_DEFAULT_PAYMENT_CONDITION;
        String noTermHere = customerWithoutCondition(with);
        String noTermThere = customerWithoutCondition(without);

        HttpResponse<String> booked = http.post("/api/v1/" + with + "/salesentry/SalesEntries",
                entryFor(with, noTermHere, "HTTP-DEFAULT"));
        HttpResponse<String> refused = http.post("/api/v1/" + without + "/salesentry/SalesEntries",
                entryFor(without, noTermThere, "HTTP-NODEFAULT"));

        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        assertThat(http.json(booked).path("d").path("PaymentCondition").asText()).isEqualTo("30");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(http.json(refused).path("error").path("message").path("value").asText())
                .isEqualTo("Verplicht: Betalingsconditie");
    }

    @Test
    void booksWithTheDefaultABookkeeperSetsInADivisionThatHadNone() {
        int division = MasterDataSeed.WITHOUT_DEFAULT_PAYMENT_CONDITION;
        String noTerm = customerWithoutCondition(division);
        MasterDataSeed.defaultPaymentCondition(sandbox.division(division), "14");
        try {
            HttpResponse<String> booked = http.post("/api/v1/" + division + "/salesentry/SalesEntries",
                    entryFor(division, noTerm, "HTTP-SETDEFAULT"));
            assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
            assertThat(http.json(booked).path("d").path("PaymentCondition").asText()).isEqualTo("14");
        } finally {
            MasterDataSeed.defaultPaymentCondition(sandbox.division(division), null);
        }
    }

    private static String customerWithoutCondition(int division) {
        HttpResponse<String> created = http.post("/api/v1/" + division + "/crm/Accounts",
                "{\"Name\":\"Zonder Termijn BV\",\"Status\":\"C\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return http.json(created).path("d").path("ID").asText();
    }

    private static String entryFor(int division, String account, String yourRef) {
        return "{\"Journal\":\"70\",\"Customer\":\"" + account + "\",\"EntryDate\":\"2026-11-20T00:00:00\","
                + "\"YourRef\":\"" + yourRef + "\",\"SalesEntryLines\":[{\"GLAccount\":\"" + revenueGl(division)
                + "\",\"AmountFC\":\"1.00\",\"VATCode\":\"2\"}]}";
    }

    private static String revenueGl(int division) {
        return MasterDataSeed.id(division, "gl", "8000").toString();
    }
}
