package org.exactsync.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.SandboxVariants;
import org.exactsync.sandbox.SandboxHttp;
import org.exactsync.sandbox.limits.RateLimits;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rate limits, their headers, the error block and the server-side call counters, over HTTP. */
class LimitsHttpTest {

    private static final int DIV = 100001;
    private static final String JOURNALS = "/api/v1/" + DIV + "/financial/Journals?$select=Code";
    private final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:15:30Z"));
    private ExactSandbox sandbox;

    private SandboxHttp start(ExactSandbox.Builder builder) {
        sandbox = builder.clock(clock).build().start();
        return new SandboxHttp(sandbox).connected();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void sendsRateLimitHeadersWithResetsInEpochMillisecondsOnEveryResponse() {
        SandboxHttp http = start(ExactSandbox.builder());
        for (HttpResponse<String> response : new HttpResponse[] {http.get(JOURNALS),
                http.get("/api/v1/" + DIV + "/financial/Journals(guid'00000000-0000-0000-0000-000000000000')")}) {
            assertThat(header(response, "X-RateLimit-Limit")).isEqualTo("5000");
            assertThat(header(response, "X-RateLimit-Minutely-Limit")).isEqualTo("60");
            assertThat(header(response, "X-RateLimit-Reset"))
                    .isEqualTo(Long.toString(Instant.parse("2026-11-27T00:00:00Z").toEpochMilli()));
            assertThat(header(response, "X-RateLimit-Minutely-Reset"))
                    .isEqualTo(Long.toString(Instant.parse("2026-11-26T10:16:00Z").toEpochMilli()));
        }
    }

    @Test
    void answers429AtCallSixtyOneOfAMinuteAndRecoversInTheNextMinute() {
        SandboxHttp http = start(ExactSandbox.builder());
        for (int i = 1; i <= 60; i++) {
            HttpResponse<String> response = http.get(JOURNALS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(header(response, "X-RateLimit-Minutely-Remaining")).isEqualTo(Integer.toString(60 - i));
        }
        HttpResponse<String> refused = http.get(JOURNALS);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("X-RateLimit-Minutely-Remaining")).hasValue("0");
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
        assertThat(refused.headers().firstValue("X-RateLimit-Reset")).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(http.get(JOURNALS).statusCode()).isEqualTo(200);
        assertThat(sandbox.calls().tooManyRequests(DIV)).isEqualTo(1);
    }

    @Test
    void admitsExactlyTheMinutelyBudgetToManyConcurrentClients() throws Exception {
        SandboxHttp http = start(ExactSandbox.builder());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 100; i++) {
                statuses.add(pool.submit(() -> http.get(JOURNALS).statusCode()));
            }
            int ok = 0;
            int tooMany = 0;
            for (java.util.concurrent.Future<Integer> status : statuses) {
                int code = status.get();
                ok += code == 200 ? 1 : 0;
                tooMany += code == 429 ? 1 : 0;
            }
            assertThat(ok).isEqualTo(60);
            assertThat(tooMany).isEqualTo(40);
            assertThat(sandbox.calls().maxCallsInAnyMinute(DIV)).isEqualTo(100);
            assertThat(sandbox.calls().tooManyRequests(DIV)).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keepsSeparateBudgetsPerDivision() {
        SandboxHttp http = start(ExactSandbox.builder().rateLimits(new RateLimits(2, 5000)));
        http.get(JOURNALS);
        http.get(JOURNALS);
        assertThat(http.get(JOURNALS).statusCode()).isEqualTo(429);
        assertThat(http.get("/api/v1/100002/financial/Journals?$select=Code").statusCode()).isEqualTo(200);
    }

    @Test
    void answers429WithOnlyDailyHeadersOnceTheDailyBudgetIsUsed() {
        SandboxHttp http = start(ExactSandbox.builder().rateLimits(new RateLimits(60, 3)));
        for (int i = 0; i < 3; i++) {
            assertThat(http.get(JOURNALS).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = http.get(JOURNALS);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(refused.headers().firstValue("X-RateLimit-Minutely-Remaining")).isEmpty();
    }

    @Test
    void countsFailedCallsAgainstTheBudget() {
        SandboxHttp http = start(ExactSandbox.builder().rateLimits(new RateLimits(3, 5000)));
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/api/v1/" + DIV + "/financial/Journals?$select=Nope").statusCode()).isEqualTo(400);
        }
        assertThat(http.get(JOURNALS).statusCode()).isEqualTo(429);
    }

    @Test
    void blocksAnEndpointAfterMoreThanTenErrorsInAnHour() {
        SandboxHttp http = start(ExactSandbox.builder()
                .variants(SandboxVariants.strict().withErrorBlockRateHeaders(true)));
        for (int i = 0; i < 11; i++) {
            assertThat(http.get("/api/v1/" + DIV + "/financial/Journals?$select=Nope").statusCode()).isEqualTo(400);
        }
        HttpResponse<String> blocked = http.get(JOURNALS);
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(http.json(blocked).path("error").path("message").path("value").asText())
                .isEqualTo("API rate limit exceeded");
        assertThat(header(blocked, "X-RateLimit-Minutely-Remaining")).isNotEqualTo("0");
        assertThat(http.get("/api/v1/" + DIV + "/financial/GLAccounts?$select=Code").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(1));
        assertThat(http.connected().get(JOURNALS).statusCode()).isEqualTo(200);
    }

    @Test
    void answersTheErrorBlockWithoutRateHeadersUnderTheStrictVariant() {
        SandboxHttp http = start(ExactSandbox.builder());
        for (int i = 0; i < 11; i++) {
            http.get("/api/v1/" + DIV + "/financial/Journals?$select=Nope");
        }
        HttpResponse<String> blocked = http.get(JOURNALS);
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(http.json(blocked).path("error").path("message").path("value").asText())
                .isEqualTo("API rate limit exceeded");
        assertThat(blocked.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("x-ratelimit"));
    }

    @Test
    void countsCallsPerDivisionEndpointAndClockMinute() {
        SandboxHttp http = start(ExactSandbox.builder());
        for (int i = 0; i < 5; i++) {
            http.get(JOURNALS);
        }
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            http.get("/api/v1/" + DIV + "/financial/GLAccounts?$select=Code");
        }
        Map<Instant, Integer> perMinute = sandbox.calls().callsPerMinute(DIV);
        assertThat(perMinute).containsExactly(
                Map.entry(Instant.parse("2026-11-26T10:15:00Z"), 5),
                Map.entry(Instant.parse("2026-11-26T10:16:00Z"), 3));
        assertThat(sandbox.calls().callsPerMinute(DIV, "financial/GLAccounts")).hasSize(1);
        assertThat(sandbox.calls().maxCallsInAnyMinute(DIV)).isEqualTo(5);
        assertThat(sandbox.calls().totalCalls(DIV, "financial/Journals")).isEqualTo(5);
    }

    @Test
    void exposesCountersOverTheAdminApi() {
        SandboxHttp http = start(ExactSandbox.builder());
        http.get(JOURNALS);
        JsonNode calls = http.json(http.get("/sandbox/calls?division=" + DIV));
        assertThat(calls.path("perMinute").path("2026-11-26T10:15:00Z").asInt()).isEqualTo(1);
        assertThat(calls.path("tooManyRequests").asInt()).isZero();
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("missing " + name));
    }
}
