package org.exactsync.flow.connect;

import org.exactsync.crm.inbound.HttpRequestEvent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.metrics.MetricNames;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.SyncMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OAuth connect flow against the Exact sandbox over HTTP and DynamoDB (dynalite). */
class ConnectFlowAgainstSandboxTest {

    private final ConnectFixture fx = new ConnectFixture();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void connectsThroughConsentAndSavesTheConnectionInDryRunWithTheCurrentDivisionSelected() throws Exception {
        HttpResponseEvent redirect = fx.followLink(fx.links.startUrl(ConnectFixture.TENANT).orElseThrow());

        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().get("Location");
        assertThat(location).startsWith(fx.sandbox.baseUrl() + "/api/oauth2/auth?");
        assertThat(ConnectFixture.query(location)).containsEntry("client_id", fx.sandbox.clientId())
                .containsKey("state");

        HttpResponseEvent page = fx.arrive(fx.consentAt(location));

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        JsonNode body = json.readTree(page.body());
        assertThat(body.get("status").asText()).isEqualTo("active");
        assertThat(body.get("mode").asText()).isEqualTo("dry-run");
        assertThat(body.get("available").findValuesAsText("code")).containsExactly("100001", "100002", "200001");
        ConnectionRecord saved = fx.connections.find(ConnectFixture.TENANT).orElseThrow();
        assertThat(saved.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(saved.mode()).isEqualTo(SyncMode.DRY_RUN);
        assertThat(saved.divisions()).containsExactly(100001);
        assertThat(saved.defaultDivisions()).containsExactly(100001);
        assertThat(saved.clientId()).isEqualTo(fx.sandbox.clientId());
        assertThat(fx.discovered.find(ConnectFixture.TENANT)).hasSize(3);
        assertThat(fx.metrics.sum(MetricNames.EXACT_CALLS)).as("token, current/Me, system/Divisions")
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void refusesAReplayedCallbackWithoutTouchingTheConnection() throws Exception {
        String redirect = fx.consentAt(fx.followLink(fx.links.startUrl(ConnectFixture.TENANT).orElseThrow())
                .headers().get("Location"));
        assertThat(fx.arrive(redirect).statusCode()).isEqualTo(200);
        long version = fx.connections.find(ConnectFixture.TENANT).orElseThrow().version();

        HttpResponseEvent replayed = fx.arrive(redirect);

        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(replayed.body()).get("error").asText()).isEqualTo("bad-state");
        assertThat(fx.connections.find(ConnectFixture.TENANT).orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void refusesAForgedStateAndStoresNothing() throws Exception {
        String redirect = fx.consentAt(fx.followLink(fx.links.startUrl(ConnectFixture.TENANT).orElseThrow())
                .headers().get("Location"));
        Map<String, String> forged = new HashMap<>(ConnectFixture.query(redirect));
        String state = forged.get("state");
        // Same tenant part, another nonce: the shape is right but nothing was stored under it.
        forged.put("state", state.substring(0, state.indexOf('.') + 1) + "A".repeat(43));

        HttpResponseEvent answer = fx.callback.callback(HttpRequestEvent.get("/exact/callback", forged));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("fresh connect link");
        assertThat(fx.connections.find(ConnectFixture.TENANT)).isEmpty();
    }

    @Test
    void refusesAStateThatExpiredBeforeExactRedirectedBack() throws Exception {
        String redirect = fx.consentAt(fx.followLink(fx.links.startUrl(ConnectFixture.TENANT).orElseThrow())
                .headers().get("Location"));
        fx.clock.advance(Duration.ofMinutes(16));

        assertThat(fx.arrive(redirect).statusCode()).isEqualTo(400);
        assertThat(fx.connections.find(ConnectFixture.TENANT)).isEmpty();
    }

    @Test
    void refusesACodeUsedBeforeEvenWithAFreshState() throws Exception {
        String first = fx.consentAt(fx.followLink(fx.links.startUrl(ConnectFixture.TENANT).orElseThrow())
                .headers().get("Location"));
        assertThat(fx.arrive(first).statusCode()).isEqualTo(200);
        Map<String, String> second = new HashMap<>(ConnectFixture.query(fx.consentAt(
                fx.followLink(fx.links.startUrl(ConnectFixture.TENANT).orElseThrow()).headers().get("Location"))));
        second.put("code", ConnectFixture.query(first).get("code"));

        HttpResponseEvent answer = fx.callback.callback(HttpRequestEvent.get("/exact/callback", second));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json.readTree(answer.body()).get("error").asText()).isEqualTo("code-refused");
    }

    @Test
    void refusesALinkSignedWithAnotherTenantsSecretOrTooOld() throws Exception {
        long t = fx.clock.instant().getEpochSecond();
        Map<String, String> foreign = Map.of("tenant", ConnectFixture.TENANT, "t", Long.toString(t), "sig",
                ConnectLinkSignature.sign(ConnectFixture.OTHER_SECRET, ConnectFixture.TENANT, t));
        String link = fx.links.startUrl(ConnectFixture.TENANT).orElseThrow();

        HttpResponseEvent forged = fx.start.start(HttpRequestEvent.get(ConnectLinks.START_PATH, foreign));
        fx.clock.advance(Duration.ofMinutes(16));
        HttpResponseEvent stale = fx.followLink(link);
        HttpResponseEvent unsigned = fx.start.start(HttpRequestEvent.get(ConnectLinks.START_PATH,
                Map.of("tenant", ConnectFixture.TENANT)));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(stale.body()).contains("expired");
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(forged.headers()).doesNotContainKey("Location");
    }

    @Test
    void aReconsentKeepsModeAndSelectionAndReactivatesTheConnection() throws Exception {
        assertThat(fx.connect(ConnectFixture.TENANT).statusCode()).isEqualTo(200);
        ConnectionRecord first = fx.connections.find(ConnectFixture.TENANT).orElseThrow();
        fx.connections.save(new ConnectionRecord(first.tenant(), first.site(), first.exactUser(), first.clientId(),
                java.util.List.of(100002, 200001), java.util.List.of(200001), ConnectionStatus.NEEDS_CONSENT,
                SyncMode.LIVE, first.createdAt(), first.updatedAt(), first.version())).orElseThrow();

        assertThat(fx.connect(ConnectFixture.TENANT).statusCode()).isEqualTo(200);

        ConnectionRecord again = fx.connections.find(ConnectFixture.TENANT).orElseThrow();
        assertThat(again.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(again.mode()).isEqualTo(SyncMode.LIVE);
        assertThat(again.divisions()).containsExactly(100002, 200001);
        assertThat(again.defaultDivisions()).containsExactly(200001);
    }

    @Test
    void theHtmlPageEscapesDivisionNames() {
        assertThat(ConnectedPage.escape("<b>Smit & Zn</b>")).isEqualTo("&lt;b&gt;Smit &amp; Zn&lt;/b&gt;");
    }
}
