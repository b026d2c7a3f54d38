package org.exactsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.json.JsonSettings;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.admin.ConnectionAdmin;
import org.exactsync.flow.admin.EventAdmin;
import org.exactsync.flow.admin.TenantAdmin;
import org.exactsync.flow.connect.ConnectFixture;
import org.exactsync.store.AuditEntry;
import org.exactsync.store.SyncMode;
import org.exactsync.store.dynamodb.DynamoDbAuditTrail;
import org.exactsync.store.dynamodb.DynamoDbConsoleSessionStore;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.store.dynamodb.DynamoDbSignedRequestLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sign-in, session, CSRF and sign-out of the console against DynamoDB (dynalite) and the Exact sandbox. */
class ConsoleSignInTest {

    private final ConnectFixture fx = new ConnectFixture();
    private final ObjectMapper json = JsonSettings.standalone();
    private final DynamoDbAuditTrail audit = new DynamoDbAuditTrail(fx.dynamo.client(), fx.table, Duration.ofDays(400));
    private final ConsoleAuth auth = new ConsoleAuth(fx.tenants, new DynamoDbSignedRequestLedger(fx.dynamo.client(),
            fx.table), new DynamoDbConsoleSessionStore(fx.dynamo.client(), fx.table), fx.clock, Duration.ofMinutes(10),
            Duration.ofMinutes(30));
    private final ConsoleLinks links = new ConsoleLinks(fx.tenants, fx.clock, Optional.of("https://api.example.test"));
    private final ConnectionAdmin connections = new ConnectionAdmin(fx.connections, fx.discovered, fx.tokens, fx.links, json);
    private final TenantAdmin tenantAdmin = new TenantAdmin(fx.adminGuard(), connections, new EventAdmin(
            new DynamoDbEventStore(fx.dynamo.client(), fx.table, fx.clock), null, json), fx.ledgerAdmin(), json, null,
            null);
    private final Console console = new Console(auth, new ConsoleTexts(), audit, fx.clock, List.of(
            new ConnectionPage(connections, tenantAdmin, fx.connections, fx.tokens, fx.links, new AdminAnswers(json),
                    fx.clock)));

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aSignedLinkOpensOneHttpOnlySecureStrictSessionAndIsRefusedTheSecondTime() {
        String link = links.signInUrl(ConnectFixture.TENANT).orElseThrow();

        HttpResponseEvent first = console.handle(get(link, Map.of()));
        HttpResponseEvent again = console.handle(get(link, Map.of()));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().get("Set-Cookie")).startsWith("console_session=").contains("; HttpOnly")
                .contains("; Secure").contains("; SameSite=Strict").contains("Max-Age=1800").doesNotContain("Path=");
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.body()).contains("already used");
        HttpResponseEvent page = console.handle(get("https://api.example.test/console/acme/connection",
                Map.of("Cookie", cookie(first))));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Connection</h1>").contains("not connected");
    }

    @Test
    void refusesAnExpiredLinkAForgedOneAndOneSignedForAnotherTenant() {
        String link = links.signInUrl(ConnectFixture.TENANT).orElseThrow();
        String other = links.signInUrl(ConnectFixture.OTHER).orElseThrow();
        fx.clock.advance(Duration.ofMinutes(11));

        HttpResponseEvent expired = console.handle(get(link, Map.of()));
        String fresh = links.signInUrl(ConnectFixture.TENANT).orElseThrow();
        String forgedLink = fresh.substring(0, fresh.length() - 1) + (fresh.endsWith("0") ? "1" : "0");
        HttpResponseEvent forged = console.handle(get(forgedLink, Map.of()));
        HttpResponseEvent crossed = console.handle(get(other.replace("/console/other/", "/console/acme/"),
                Map.of()));

        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("expired");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(crossed.statusCode()).isEqualTo(401);
        assertThat(expired.headers()).doesNotContainKey("Set-Cookie");
    }

    @Test
    void aSessionOpensOnlyItsOwnTenantsPagesAndEndsAfterItsExpiry() {
        String cookie = cookie(console.handle(get(links.signInUrl(ConnectFixture.TENANT).orElseThrow(), Map.of())));

        HttpResponseEvent otherTenant = console.handle(get("https://api.example.test/console/other/connection",
                Map.of("Cookie", cookie)));
        HttpResponseEvent none = console.handle(get("https://api.example.test/console/acme/connection", Map.of()));
        fx.clock.advance(Duration.ofMinutes(31));
        HttpResponseEvent late = console.handle(get("https://api.example.test/console/acme/connection",
                Map.of("Cookie", cookie)));

        assertThat(otherTenant.statusCode()).isEqualTo(401);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(late.statusCode()).isEqualTo(401);
    }

    @Test
    void refusesAWriteWithoutTheSessionsCsrfTokenAndChangesNothing() throws Exception {
        fx.connect(ConnectFixture.TENANT);
        HttpResponseEvent signedIn = console.handle(get(links.signInUrl(ConnectFixture.TENANT).orElseThrow(),
                Map.of()));
        String cookie = cookie(signedIn);
        String page = console.handle(get("https://api.example.test/console/acme/connection",
                Map.of("Cookie", cookie))).body();
        String csrf = page.replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");

        HttpResponseEvent without = console.handle(post("/console/acme/sign-out", "", cookie));
        HttpResponseEvent wrong = console.handle(post("/console/acme/sign-out", "csrf=x" + csrf, cookie));
        HttpResponseEvent signOut = console.handle(post("/console/acme/sign-out", "csrf=" + csrf, cookie));
        HttpResponseEvent after = console.handle(get("https://api.example.test/console/acme/connection",
                Map.of("Cookie", cookie)));

        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(signOut.statusCode()).isEqualTo(200);
        assertThat(signOut.headers().get("Set-Cookie")).startsWith("console_session=;").contains("Max-Age=0");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(audit.recent(ConnectFixture.TENANT, 10)).extracting(AuditEntry::route)
                .containsExactly("POST /console/sign-out");
        assertThat(fx.connections.find(ConnectFixture.TENANT).orElseThrow().mode()).isEqualTo(SyncMode.DRY_RUN);
    }

    @Test
    void speaksDutchToADutchBrowserAndSwitchesOnRequest() {
        String cookie = cookie(console.handle(get(links.signInUrl(ConnectFixture.TENANT).orElseThrow(), Map.of())));

        HttpResponseEvent dutch = console.handle(get("https://api.example.test/console/acme/connection",
                Map.of("Cookie", cookie, "Accept-Language", "nl-NL,nl;q=0.9,en;q=0.5")));
        HttpResponseEvent english = console.handle(get("https://api.example.test/console/acme/connection?lang=en",
                Map.of("Cookie", cookie, "Accept-Language", "nl-NL")));

        assertThat(dutch.body()).contains("<html lang=\"nl\"").contains("<h1>Verbinding</h1>");
        assertThat(english.body()).contains("<html lang=\"en\"").contains("<h1>Connection</h1>");
        assertThat(english.headers().get("Set-Cookie")).startsWith("console_lang=en");
    }

    private static HttpRequestEvent get(String url, Map<String, String> headers) {
        java.net.URI uri = java.net.URI.create(url);
        return new HttpRequestEvent("GET", null, uri.getPath(), null, headers, ConnectFixture.query(url), null,
                false);
    }

    private static HttpRequestEvent post(String path, String form, String cookie) {
        return new HttpRequestEvent("POST", null, path, null, Map.of("Cookie", cookie, "Content-Type",
                "application/x-www-form-urlencoded"), Map.of(), form, false);
    }

    private static String cookie(HttpResponseEvent signIn) {
        return signIn.headers().get("Set-Cookie").split(";")[0];
    }
}
