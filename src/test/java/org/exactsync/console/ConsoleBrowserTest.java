package org.exactsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.inbound.EventHandler;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.InboundPipeline;
import org.exactsync.flow.connect.ConnectCallback;
import org.exactsync.flow.connect.ConnectLinks;
import org.exactsync.flow.connect.ConnectStart;
import org.exactsync.flow.onboarding.IndexedMatching;
import org.exactsync.mapping.RelationAddress;
import org.exactsync.mapping.RelationUpserted;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.master.AccountSeeder;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.SyncMode;
import org.exactsync.testsupport.DynamoDbTestResource;
import org.exactsync.testsupport.ExactSandboxTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The console in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) against the
 * application's own beans behind a local gateway, DynamoDB (dynalite) and the Exact sandbox: an operator's whole
 * path from sign-in to a replayed invoice, the receivables chart and the data-quality report, each page checked
 * by axe-core for serious or critical accessibility issues and kept as a screenshot under
 * {@code target/console-screenshots/}. One browser
 * session for the class; the methods run in order, each going on from the state the one before left.
 */
@QuarkusTest
@TestProfile(ConsoleProfile.class)
@QuarkusTestResource(value = DynamoDbTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "table", value = "console-browser"))
@QuarkusTestResource(value = ConsoleGatewayTestResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final String TENANT = "default";
    private static final String ADMIN_SECRET = "test-admin-secret";
    private static final String INBOUND_SECRET = "test-inbound-secret";
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String RELATION = """
            {"id":"rel-7001","roles":["customer"],"name":"Bakkerij Console B.V.",
             "address":{"line1":"Dorpsstraat 12","line2":null,"postcode":"3512 AB","city":"Utrecht","country":"NL"},
             "email":"info@console.example","phone":null,"vatNumber":null,"chamberOfCommerce":null,
             "paymentTermDays":30,"contacts":[]}""";
    private static final String INVOICE = """
            {"id":"inv-c-1","number":"C-1","kind":"invoice","creditedInvoiceId":null,
             "relationId":"rel-7001","date":"%s","dueDate":"%s","currency":"EUR",
             "description":"Consultancy","lines":[{"description":"Consultancy","revenueAccount":"%s",
             "amount":"1000.00","vatRate":"21","vatCategory":"standard","vatAmount":"210.00","projectId":null}],
             "totalExclVat":"1000.00","totalVat":"210.00","totalInclVat":"1210.00","pdfUrl":null}""";

    /** One browser for the class: starting Chromium is the slow part. */
    private static WebDriver browser;

    ConsoleGateway gateway;
    @ExactSandboxTestResource.InjectSandbox
    ExactSandbox sandbox;
    @Inject
    IndexedMatching matching;
    @Inject
    Console console;
    @Inject
    ConnectStart start;
    @Inject
    ConnectCallback callback;
    @Inject
    ConsoleLinks links;
    @Inject
    ConnectionStore connections;
    @Inject
    InboundPipeline pipeline;
    @Inject
    @Any
    Instance<EventHandler<?>> handlers;
    @Inject
    Clock clock;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void wireTheGatewayAndOpenTheBrowser() {
        gateway.route(request -> {
            String path = request.requestPath();
            if (path.equals(ConnectLinks.START_PATH)) {
                return start.start(request);
            }
            return path.equals("/exact/callback") ? callback.callback(request) : console.handle(request);
        });
        if (browser == null) {
            assertThat(Path.of("/usr/bin/chromium")).as("Debian's chromium (apt-get install chromium"
                    + " chromium-driver; .ci/run installs both)").exists();
            assertThat(Path.of("node_modules", "axe-core", "axe.min.js")).as("axe-core (npm ci)").exists();
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--window-size=1280,1000", "--lang=en-US");
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
            browser = new ChromeDriver(service, options);
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        }
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @Test
    @Order(1)
    void signsInOnceWithAFreshLinkAndRefusesAnExpiredOrReusedOneInDutchAndEnglish() throws Exception {
        String expired = expiredLink();
        browser.get(expired);
        assertThat(text("main")).contains("expired");

        String link = links.signInUrl(TENANT).orElseThrow();
        browser.get(link);
        assertThat(text("main")).contains("You are signed in.");
        Cookie session = browser.manage().getCookieNamed("console_session");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        click(By.linkText("Continue to the console"));
        assertThat(text("h1")).isEqualTo("Connection");
        check("connection-en");

        click(By.linkText("Nederlands"));
        assertThat(text("h1")).isEqualTo("Verbinding");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
        check("connection-nl");
        click(By.linkText("English"));
        assertThat(text("h1")).isEqualTo("Connection");

        // The same link again, in the same browser: refused, and the session it opened before is unaffected.
        browser.get(link);
        assertThat(text("main")).contains("already used");
        browser.get(gateway.baseUrl() + "/console/default/connection");
        assertThat(text("h1")).isEqualTo("Connection");
    }

    @Test
    @Order(2)
    void connectsSelectsTwoDivisionsMapsTheLedgerTestsABookingAndGoesLive() throws Exception {
        browser.get(gateway.baseUrl() + "/console/default/connection");
        click(By.id("consent"));
        // Exact's consent page (the sandbox consents at once) redirects to the connector's callback page.
        browser.get(gateway.baseUrl() + "/console/default/connection");
        assertThat(text("main")).contains("connected").contains(sandboxSite());

        click(By.linkText("Administrations"));
        check("divisions");
        tick("sync-100001", true);
        tick("sync-100002", true);
        tick("default-100001", true);
        tick("default-100002", false);
        click(By.id("save-divisions"));
        assertThat(text("main")).contains("The selection is saved.");
        assertThat(connections.find(TENANT).orElseThrow().divisions()).containsExactly(100001, 100002);

        click(By.linkText("Ledger mapping"));
        assertThat(text("main")).contains("no ledger mapping for this division");
        new Select(browser.findElement(By.id("salesJournal"))).selectByValue("90");
        browser.findElement(By.id("revenueCrm-0")).sendKeys("8000");
        new Select(browser.findElement(By.id("revenueGl-0"))).selectByValue("8000");
        browser.findElement(By.id("vatKey-0")).sendKeys("standard|21");
        new Select(browser.findElement(By.id("vatCode-0"))).selectByValue("2");
        click(By.id("save-mapping"));
        WebElement finding = browser.findElement(By.cssSelector("ul.findings[data-item='salesJournal']"));
        assertThat(finding.getText()).contains("not a sales journal");
        assertThat(browser.findElement(By.id("salesJournal")).getAttribute("aria-describedby"))
                .isEqualTo(finding.getAttribute("id"));
        check("ledger-mapping-finding");
        new Select(browser.findElement(By.id("salesJournal"))).selectByValue("70");
        click(By.id("save-mapping"));
        assertThat(text("main")).contains("Saved as version 2; invoices can be booked.");
        assertThat(browser.findElements(By.cssSelector("ul.findings[data-item='salesJournal']"))).isEmpty();
        check("ledger-mapping");

        click(By.linkText("Test booking"));
        browser.findElement(By.id("invoice")).sendKeys(invoice("inv-c-0", "8000"));
        click(By.id("dry-run"));
        assertThat(text("#result-title")).isEqualTo("Result");
        assertThat(text("#entry-lines")).contains("8000").contains("1000.00").contains("210.00");
        assertThat(text("main")).contains("In administration 100001 this entry would be posted");
        check("test-booking");

        click(By.linkText("Go live"));
        assertThat(text("main")).contains("Nothing blocks going live.");
        click(By.id("go-live"));
        assertThat(text("main")).contains("The connector is live");
        assertThat(connections.find(TENANT).orElseThrow().mode()).isEqualTo(SyncMode.LIVE);
        check("go-live");
    }

    @Test
    @Order(3)
    void showsAnInvoiceOnAnUnmappedAccountWithItsReasonBooksItAfterTheFixAndReplayAndChartsTheReceivables()
            throws Exception {
        assertThat(deliver("/crm/relations", "relation.upserted", "evt-c-rel", RELATION).statusCode())
                .isEqualTo(200);
        assertThat(deliver("/crm/invoices", "invoice.created", "evt-c-1", invoice("inv-c-1", "8000")).statusCode())
                .isEqualTo(200);
        assertThat(deliver("/crm/invoices", "invoice.created", "evt-c-2", invoice("inv-c-2", "8100")).statusCode())
                .isEqualTo(202);

        browser.get(gateway.baseUrl() + "/console/default/sync?kind=invoice&filter=waiting");
        WebElement waiting = browser.findElement(By.cssSelector("#sync-rows tr[data-id='inv-c-2']"));
        assertThat(waiting.getText()).contains("waiting").contains("8100").contains("evt-c-2");
        check("sync-waiting");

        browser.get(gateway.baseUrl() + "/console/default/ledger-mapping?division=100001");
        browser.findElement(By.id("revenueCrm-1")).sendKeys("8100");
        new Select(browser.findElement(By.id("revenueGl-1"))).selectByValue("8100");
        click(By.id("save-mapping"));
        assertThat(text("main")).contains("Saved as version 3");

        browser.get(gateway.baseUrl() + "/console/default/sync?kind=invoice&filter=waiting");
        click(By.cssSelector("#sync-rows tr[data-id='inv-c-2'] button.replay"));
        assertThat(text("main")).contains("Event evt-c-2 replayed: done.");
        browser.get(gateway.baseUrl() + "/console/default/sync?kind=invoice&division=100001");
        assertThat(text("#sync-rows tr[data-id='inv-c-2']")).contains("booked");
        assertThat(text("#sync-rows tr[data-id='inv-c-1']")).contains("booked");
        check("sync-status");

        // The mapping checks above spent most of the division's 60 Exact calls of this minute: the page may say so
        // ("try again in a minute") until the next minute's budget; an operator reloads, and so does this test.
        for (int attempt = 0; attempt < 18; attempt++) {
            browser.get(gateway.baseUrl() + "/console/default/receivables?division=100001");
            if (!browser.findElements(By.id("ageing-chart")).isEmpty()) {
                break;
            }
            assertThat(text("main")).contains("try again in a minute");
            Thread.sleep(5_000);
        }
        WebElement bar = browser.findElement(By.cssSelector("#ageing-chart g.bar[data-bucket='0-30']"));
        assertThat(bar.getAttribute("data-amount")).isEqualTo("2420.00");
        assertThat(text("#total-open")).contains("2420.00");
        assertThat(text("#receivables")).contains("rel-7001");
        check("receivables");

        browser.get(gateway.baseUrl() + "/console/default/drift?division=100001");
        check("drift");
    }

    @Test
    @Order(4)
    void buildsTheAccountIndexShowsTheDataQualityReportAndRecordsTheChoiceForAnAmbiguousRelation() throws Exception {
        AccountSeeder.seed(sandbox, 100001, List.of(
                Map.of("Code", "710000", "Name", "Bakkerij Dubbel", "AddressLine1", "Markt 1", "Postcode", "3512 AB",
                        "City", "Utrecht", "Country", "NL"),
                Map.of("Code", "710001", "Name", "Bakkerij Dubbel B.V.", "AddressLine1", "Markt 2", "Postcode",
                        "3512 AB", "City", "Utrecht", "Country", "NL")));

        browser.get(gateway.baseUrl() + "/console/default/data-quality?division=100001");
        assertThat(text("#index-state")).contains("No index yet");
        click(By.id("build-index"));
        assertThat(text("main")).contains("The index is complete");
        // The relation flow records each CRM relation it matches against the index; this one fits two accounts.
        matching.assess(TENANT, 100001, new RelationUpserted("rel-dq-1", List.of("customer"), "Bakkerij Dubbel",
                new RelationAddress("Markt 3", null, "3512 AB", "Utrecht", "NL"), null, null, null, null, null,
                List.of()));
        browser.get(gateway.baseUrl() + "/console/default/data-quality?division=100001");
        assertThat(text("#count-ambiguous")).isEqualTo("1");
        String row = "#quality-findings tr[data-relation='rel-dq-1'][data-kind='AMBIGUOUS_MATCH']";
        assertThat(text(row)).contains("710000").contains("710001").contains("Choose the right Exact relation");
        assertThat(browser.findElement(By.id("quality-csv")).getAttribute("href"))
                .endsWith("data-quality.csv?division=100001");
        check("data-quality");

        new Select(browser.findElement(By.cssSelector(row + " select"))).selectByValue("710001");
        click(By.cssSelector(row + " button"));
        assertThat(text("main")).contains("Recorded: CRM relation rel-dq-1 is Exact relation 710001");
        assertThat(text("#count-ambiguous")).isEqualTo("0");
    }

    @Test
    @Order(5)
    void refusesAWriteWithoutTheCsrfTokenEvenWithAValidSessionAndChangesNothing() throws Exception {
        Cookie session = browser.manage().getCookieNamed("console_session");
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                gateway.baseUrl() + "/console/default/connection")).header("Cookie", "console_session="
                        + session.getValue()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("mode=dry-run")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("without a valid security token");
        assertThat(connections.find(TENANT).orElseThrow().mode()).isEqualTo(SyncMode.LIVE);
        click(By.cssSelector("form[action='sign-out'] button"));
        assertThat(text("main")).contains("You are signed out.");
        browser.get(gateway.baseUrl() + "/console/default/connection");
        assertThat(text("main")).contains("not signed in");
    }

    private String expiredLink() {
        String nonce = "0123456789abcdef0123456789abcdef";
        long t = clock.instant().minus(Duration.ofMinutes(11)).getEpochSecond();
        return gateway.baseUrl() + "/console/default/sign-in?t=" + t + "&n=" + nonce + "&sig="
                + ConsoleLinkSignature.sign(ADMIN_SECRET, TENANT, nonce, t);
    }

    private String invoice(String id, String revenueAccount) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of(
                "Europe/Amsterdam"));
        return INVOICE.formatted(today, today.plusDays(30), revenueAccount).replace("inv-c-1", id)
                .replace("\"C-1\"", "\"" + id.toUpperCase(java.util.Locale.ROOT) + "\"");
    }

    /** A CRM event for division 100001, signed with the tenant's inbound secret, through the inbound pipeline. */
    private HttpResponseEvent deliver(String path, String type, String eventId, String data) {
        String body = "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"occurredAt\":\""
                + clock.instant() + "\",\"tenant\":\"" + TENANT + "\",\"divisions\":[100001],\"data\":" + data + "}";
        HttpRequestEvent request = new HttpRequestEvent(path, null, Map.of(CrmSignature.HEADER, CrmSignature.sign(
                INBOUND_SECRET, clock.instant(), body.getBytes(StandardCharsets.UTF_8))), body, false);
        EventHandler<?> handler = handlers.stream().filter(h -> h.type().equals(type)).findFirst().orElseThrow();
        return pipeline.handle(request, handler);
    }

    private String sandboxSite() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("exact.site-url", String.class);
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** Clicks what leads to another page and waits until that page has loaded. */
    private static void click(By what) {
        WebElement before = browser.findElement(By.tagName("html"));
        browser.findElement(what).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(driver -> {
            try {
                before.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException replaced) {
                // Chromium may answer for the old page's node while the new document replaces it: gone as well.
                return String.valueOf(replaced.getMessage()).contains("does not belong to the document");
            }
        });
        wait.until(driver -> "complete".equals(((JavascriptExecutor) driver).executeScript(
                "return document.readyState")));
    }

    private static void tick(String id, boolean on) {
        WebElement box = browser.findElement(By.id(id));
        if (box.isSelected() != on) {
            box.click();
        }
    }

    /** A screenshot of the page and axe-core's verdict: no serious or critical violation. */
    private void check(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(Files.readString(Path.of("node_modules", "axe-core", "axe.min.js")));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done('ERROR ' + e); });");
        assertThat(result.toString()).as("axe on %s", name).doesNotStartWith("ERROR");
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : json.readTree(result.toString())) {
            String impact = violation.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                serious.add(impact + " " + violation.path("id").asText() + ": " + violation.path("help").asText()
                        + " at " + violation.path("nodes").findValuesAsText("html"));
            }
        }
        assertThat(serious).as("serious or critical accessibility issues on %s", name).isEmpty();
    }
}
