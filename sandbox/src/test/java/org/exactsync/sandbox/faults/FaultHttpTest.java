package org.exactsync.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.SandboxHttp;
import org.exactsync.sandbox.master.CostcentersSet;
import org.exactsync.time.AdjustableClock;
import org.exactsync.time.Sleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each injected fault kind, seen from a client over HTTP. */
class FaultHttpTest {

    private static final int DIV = 100001;
    private static final String COSTCENTERS = "/api/v1/" + DIV + "/hrm/Costcenters";

    private final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:00:00Z"));
    private final List<Duration> slept = new CopyOnWriteArrayList<>();
    private ExactSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        Sleeper recording = duration -> {
            slept.add(duration);
            Sleeper.system().sleep(duration);
        };
        sandbox = ExactSandbox.builder().clock(clock).sleeper(recording).build().start();
        http = new SandboxHttp(sandbox).connected();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private int costcenters() {
        return sandbox.rows(DIV, CostcentersSet.PATH).size();
    }

    @Test
    void answersInjectedServerErrorsWithoutApplyingTheWrite() {
        sandbox.faults().inject(FaultRule.status(503).on("POST", CostcentersSet.PATH).times(1));
        int before = costcenters();
        assertThat(http.post(COSTCENTERS, "{\"Code\":\"F1\",\"Description\":\"x\"}").statusCode()).isEqualTo(503);
        assertThat(costcenters()).isEqualTo(before);
        assertThat(http.post(COSTCENTERS, "{\"Code\":\"F1\",\"Description\":\"x\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void answersEachGatewayStatus() {
        for (int status : new int[] {500, 502, 504}) {
            sandbox.faults().inject(FaultRule.status(status).times(1));
            assertThat(http.get(COSTCENTERS + "?$select=Code").statusCode()).isEqualTo(status);
        }
    }

    @Test
    void answersAnInjectedServerErrorWithoutAnExactErrorMessageSoItIsNotTakenForAValidationError() {
        sandbox.faults().inject(FaultRule.status(500).times(1));
        HttpResponse<String> response = http.get(COSTCENTERS + "?$select=Code");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html"));
        assertThat(response.body()).doesNotContain("\"error\"");
    }

    @Test
    void answersAnInjectedClientErrorAsAnExactRejectionWithItsMessage() {
        sandbox.faults().inject(FaultRule.status(400).times(1));
        HttpResponse<String> response = http.get(COSTCENTERS + "?$select=Code");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"message\"").contains("Injected fault 400");
    }

    @Test
    void countsTheCallsEachFaultAndTheMaintenanceWindowHit() {
        sandbox.faults().inject(FaultRule.status(502).times(1));
        sandbox.faults().inject(FaultRule.tooManyRequests().times(1));
        http.get(COSTCENTERS + "?$select=Code");
        http.get(COSTCENTERS + "?$select=Code");
        sandbox.maintenance(clock.instant(), clock.instant().plusSeconds(60));
        http.get(COSTCENTERS + "?$select=Code");
        assertThat(sandbox.faults().hits()).containsEntry("STATUS 502", 1).containsEntry("TOO_MANY_REQUESTS", 1)
                .containsEntry("MAINTENANCE 503", 1);
    }

    @Test
    void addsLatencyBeforeServing() {
        sandbox.faults().inject(FaultRule.latency(Duration.ofMillis(50)).on("GET", null).times(1));
        assertThat(http.get(COSTCENTERS + "?$select=Code").statusCode()).isEqualTo(200);
        assertThat(slept).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void forcesAMinutely429WithZeroRemaining() {
        sandbox.faults().inject(FaultRule.tooManyRequests().times(1));
        HttpResponse<String> response = http.get(COSTCENTERS + "?$select=Code");
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("X-RateLimit-Minutely-Remaining")).hasValue("0");
        assertThat(response.headers().firstValue("X-RateLimit-Minutely-Reset")).isPresent();
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
    }

    @Test
    void answers503DuringAMaintenanceWindowOnTheSandboxClock() {
        sandbox.faults().maintenance(Instant.parse("2026-11-26T10:00:00Z"), Instant.parse("2026-11-26T10:05:00Z"));
        assertThat(http.get(COSTCENTERS + "?$select=Code").statusCode()).isEqualTo(503);
        clock.advance(Duration.ofMinutes(5));
        assertThat(http.get(COSTCENTERS + "?$select=Code").statusCode()).isEqualTo(200);
    }

    @Test
    void dropsTheConnectionAfterCommittingAWrite() {
        sandbox.faults().inject(FaultRule.dropAfterCommit().on("POST", CostcentersSet.PATH).times(1));
        int before = costcenters();
        assertThatThrownBy(() -> http.post(COSTCENTERS, "{\"Code\":\"DROP\",\"Description\":\"x\"}"))
                .hasCauseInstanceOf(IOException.class);
        assertThat(costcenters()).isEqualTo(before + 1);
    }

    @Test
    void delaysTheResponsePastTheClientTimeoutAfterCommittingAWrite() throws Exception {
        sandbox.faults().inject(FaultRule.delayAfterCommit(Duration.ofMillis(700)).on("POST", CostcentersSet.PATH)
                .times(1));
        int before = costcenters();
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.url(COSTCENTERS)))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + http.accessToken()).timeout(Duration.ofMillis(200))
                .POST(HttpRequest.BodyPublishers.ofString("{\"Code\":\"SLOW\",\"Description\":\"x\"}")).build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(costcenters()).isEqualTo(before + 1);
    }

    @Test
    void armsFaultsThroughTheAdminApi() {
        HttpResponse<String> armed = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"STATUS\",\"status\":502,\"times\":1}")).build());
        assertThat(armed.statusCode()).isEqualTo(200);
        assertThat(http.get(COSTCENTERS + "?$select=Code").statusCode()).isEqualTo(502);
        assertThat(http.get(COSTCENTERS + "?$select=Code").statusCode()).isEqualTo(200);
    }
}
