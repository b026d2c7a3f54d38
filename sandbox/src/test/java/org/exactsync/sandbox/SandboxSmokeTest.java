package org.exactsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SandboxSmokeTest {

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
    void servesSeededJournalsAsResultsEnvelope() {
        HttpResponse<String> response = http.get("/api/v1/100001/financial/Journals?$select=Code,Type");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = http.json(response).path("d").path("results");
        assertThat(results).hasSize(5);
        assertThat(results.get(0).path("__metadata").path("type").asText()).isEqualTo("Exact.Web.Api.Models.Journal");
    }

    @Test
    void servesCurrentMeWithoutDivision() {
        HttpResponse<String> response = http.get("/api/v1/current/Me?$select=CurrentDivision,UserID");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(http.json(response).path("d").path("results").get(0).path("CurrentDivision").asInt())
                .isEqualTo(100001);
    }
}
