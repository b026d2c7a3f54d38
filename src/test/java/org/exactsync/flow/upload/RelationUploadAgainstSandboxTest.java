package org.exactsync.flow.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.callback.CallbackDispatcher;
import org.exactsync.crm.inbound.EventHandler;
import org.exactsync.crm.inbound.EventReplayer;
import org.exactsync.crm.inbound.InboundLimits;
import org.exactsync.crm.inbound.InboundPipeline;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.ExactSettings;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.flow.journey.FakeCrm;
import org.exactsync.flow.onboarding.AccountIndex;
import org.exactsync.flow.onboarding.IndexedMatching;
import org.exactsync.flow.onboarding.OnboardingService;
import org.exactsync.flow.relation.PaymentConditionCatalog;
import org.exactsync.flow.relation.RelationDivisionSync;
import org.exactsync.flow.relation.RelationUpsertHandler;
import org.exactsync.metrics.Metrics;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.limits.RateLimits;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.SyncMode;
import org.exactsync.store.dynamodb.DynamoDbAccountIndexStore;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbCallbackOutbox;
import org.exactsync.store.dynamodb.DynamoDbCursorStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.exactsync.store.dynamodb.DynamoDbSeenRelationStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bulk upload end to end against the Exact sandbox over HTTP and dynalite: parts queued as events, the backlog
 * drain syncing them with the relation flow at the division's budget, signed {@code relation.synced} callbacks to a
 * CRM over HTTP, and the upload's progress counting what settled.
 */
class RelationUploadAgainstSandboxTest {

    private static final int DIVISION = 100001;
    private static final String POSTCODE = "3512 AB";

    private final AdjustableClock clock = AdjustableClock.frozenAt(UploadFixture.start());
    private ExactSandbox sandbox;
    private FakeCrm crm;
    private UploadFixture fx;
    private RelationUpload upload;
    private EventReplayer replayer;
    private CallbackDispatcher callbacks;
    private TokenKey connection;
    private OnboardingService onboarding;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = ExactSandbox.builder().clock(clock).sleeper(clock.sleeper()).rateLimits(RateLimits.exactDefaults())
                .build().start();
        crm = new FakeCrm(UploadFixture.OUTBOUND_SECRET, clock);
        fx = new UploadFixture("upload-sandbox", clock, new Tenant(UploadFixture.TENANT, UploadFixture.INBOUND_SECRET,
                UploadFixture.OUTBOUND_SECRET, Optional.of(crm.callbackUrl()), ConflictPolicy.REPORT, List.of(),
                Optional.of(UploadFixture.ADMIN_SECRET)));
        ExactSettings settings = ExactSettings.defaults(sandbox.baseUrl(), sandbox.clientId(), sandbox.clientSecret(),
                sandbox.redirectUri()).withRetry(new ExactSettings.Retry(3, Duration.ofMillis(100),
                        Duration.ofSeconds(1)));
        ExactOnlineClient exact = ExactOnlineClient.create(settings, new DynamoDbTokenStore(fx.dynamo.client(),
                fx.table), new DynamoDbCallBudgetStore(fx.dynamo.client(), fx.table), clock, clock.sleeper());
        String location = sandbox.oauth().authorize(sandbox.clientId(), sandbox.redirectUri(), "code", "st", null);
        connection = exact.connect(UploadFixture.TENANT, URLDecoder.decode(location.replaceAll(
                ".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8));
        callbacks = new CallbackDispatcher(new DynamoDbCallbackOutbox(fx.dynamo.client(), fx.table, clock),
                fx.tenants, fx.json, clock, Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofHours(1), 50, () -> 0.5);
        InboundPipeline pipeline = new InboundPipeline(fx.tenants, fx.connections, fx.events, callbacks, fx.json,
                clock, InboundLimits.defaults(), Metrics.none(), new UploadProgressObserver(fx.uploads));
        DynamoDbMappingStore mappings = new DynamoDbMappingStore(fx.dynamo.client(), fx.table, clock);
        DynamoDbAccountIndexStore indexed = new DynamoDbAccountIndexStore(fx.dynamo.client(), fx.table);
        DynamoDbSeenRelationStore seen = new DynamoDbSeenRelationStore(fx.dynamo.client(), fx.table);
        AccountIndex index = new AccountIndex(exact, indexed, new DynamoDbCursorStore(fx.dynamo.client(), fx.table,
                clock), clock, Duration.ofSeconds(20));
        onboarding = new OnboardingService(index, indexed, seen);
        // The deployed account decision: without an index built it leaves every look-up to the flow.
        List<EventHandler<?>> handlers = List.of(new RelationUpsertHandler(new RelationDivisionSync(exact, mappings,
                new PaymentConditionCatalog(exact, clock), callbacks, clock, new IndexedMatching(index, indexed, seen,
                        exact, clock, Duration.ofMinutes(15))), fx.connections, fx.tenants));
        replayer = new EventReplayer(fx.events, pipeline, handlers, clock, InboundLimits.defaults().lease(), 50);
        upload = fx.upload();
    }

    @AfterEach
    void tearDown() {
        sandbox.close();
        crm.close();
    }

    @Test
    void liveUploadAdoptsTheAccountsExactHoldsCreatesTheRestAndCallsEveryRelationBackWithItsNumber() {
        connect(SyncMode.LIVE);
        Map<String, String> seeded = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            // As the CRM holds them: adopting needs no write to Exact, and still owes the CRM the number.
            seeded.put("rel-" + i, accountInExact("Klant " + i + " B.V."));
        }
        accountInExact("Iemand anders B.V.");
        int accountsBefore = sandbox.rows(DIVISION, "crm/Accounts").size();

        sendInTwoParts("live-1", 10);
        drain("live-1");

        assertThat(sandbox.changes().stream().filter(c -> c.topic().equals("Accounts")
                && c.action().equals("Update"))).as("the adopted accounts already held the CRM's values").isEmpty();
        List<String> syncedIds = crm.received().stream().filter(r -> r.type().equals("relation.synced"))
                .map(r -> r.data().get("relationId").asText()).toList();
        assertThat(syncedIds).as("one callback per relation, adopted or created").hasSize(10)
                .doesNotHaveDuplicates();

        List<Map<String, Object>> accounts = sandbox.rows(DIVISION, "crm/Accounts");
        assertThat(accounts).as("two created, none twice").hasSize(accountsBefore + 2);
        assertThat(accounts.stream().collect(Collectors.groupingBy(a -> String.valueOf(a.get("Name")),
                Collectors.counting()))).allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
        Map<String, JsonNode> synced = crm.received().stream()
                .filter(r -> r.type().equals("relation.synced"))
                .peek(r -> assertThat(r.signatureValid()).isTrue())
                .collect(Collectors.toMap(r -> r.data().get("relationId").asText(), FakeCrm.Received::data,
                        (first, later) -> later));
        assertThat(synced).hasSize(10);
        Map<String, String> codes = accounts.stream().collect(Collectors.toMap(a -> String.valueOf(a.get("ID")),
                a -> String.valueOf(a.get("Code")).trim()));
        for (int i = 0; i < 10; i++) {
            JsonNode data = synced.get("rel-" + i);
            assertThat(data.get("debtorNumber").asText()).as("rel-%d", i)
                    .isEqualTo(codes.get(data.get("exactAccountId").asText()));
        }
        seeded.forEach((relation, account) -> assertThat(synced.get(relation).get("exactAccountId").asText())
                .as("%s adopts the account Exact held", relation).isEqualToIgnoringCase(account));
        JsonNode status = fx.status("live-1");
        assertThat(status.get("state").asText()).isEqualTo("finished");
        assertThat(status.at("/events/synced").asLong()).isEqualTo(10);
        assertThat(status.at("/events/waiting").asLong()).isZero();
    }

    @Test
    void dryRunUploadPreviewsEveryRelationAndWritesNothingToExact() {
        connect(SyncMode.DRY_RUN);
        accountInExact("Klant 0 B.V.");
        onboarding.index(new ExactTarget(connection, DIVISION), true);
        int accountsBefore = sandbox.rows(DIVISION, "crm/Accounts").size();
        int callsBefore = sandbox.calls().totalCalls(DIVISION);
        int changesBefore = sandbox.changes().size();

        sendInTwoParts("dry-1", 6);
        drain("dry-1");

        assertThat(sandbox.calls().totalCalls(DIVISION)).as("no Exact call at all").isEqualTo(callsBefore);
        assertThat(sandbox.rows(DIVISION, "crm/Accounts")).hasSize(accountsBefore);
        assertThat(sandbox.changes()).as("nothing written").hasSize(changesBefore);
        JsonNode status = fx.status("dry-1");
        assertThat(status.at("/events/previewed").asLong()).isEqualTo(6);
        assertThat(status.at("/events/synced").asLong()).isZero();
        assertThat(status.get("state").asText()).isEqualTo("finished");
        assertThat(crm.received()).extracting(FakeCrm.Received::type).doesNotContain("relation.synced");
        assertThat(onboarding.report(UploadFixture.TENANT, DIVISION)).as("matched against the index for the report")
                .satisfies(report -> {
                    assertThat(report.relations()).isEqualTo(6);
                    assertThat(report.matched()).isEqualTo(1);
                    assertThat(report.toBeCreated()).isEqualTo(5);
                });
    }

    private void connect(SyncMode mode) {
        fx.connect(new ConnectionRecord(UploadFixture.TENANT, connection.site(), connection.exactUser(),
                sandbox.clientId(), List.of(DIVISION), List.of(DIVISION), ConnectionStatus.ACTIVE, mode, null, null,
                0));
    }

    /**
     * An account a bookkeeper keeps in Exact, with the values {@link UploadParts#relation} sends, written into the
     * sandbox's data directly (no API call).
     */
    private String accountInExact(String name) {
        Map<String, Object> created = sandbox.inDivision(DIVISION, (data, context) -> sandbox
                .entitySet("crm/Accounts").orElseThrow().create(data, new HashMap<>(Map.of("Name", name,
                        "AddressLine1", "Dorpsstraat 1", "Postcode", POSTCODE, "City", "Utrecht", "Country", "NL",
                        "Status", "C", "IsSales", true)), context));
        return String.valueOf(created.get("ID"));
    }

    private void sendInTwoParts(String uploadId, int relations) {
        int half = relations / 2;
        for (int part = 1; part <= 2; part++) {
            int first = (part - 1) * half;
            int count = part == 1 ? half : relations - half;
            assertThat(upload.receive(fx.parts.post(fx.parts.part(uploadId, part, 2, null, count,
                    i -> UploadParts.relation("rel-" + (first + i), "Klant " + (first + i) + " B.V."))))
                    .statusCode()).isEqualTo(200);
        }
    }

    /** Runs the drain as its schedule would, an Exact minute apart, until the upload has settled. */
    private void drain(String uploadId) {
        // The drain starts an accepted event once one lease has passed (its first delivery had the chance).
        clock.advance(InboundLimits.defaults().lease().plusSeconds(1));
        for (int round = 0; round < 30 && !fx.status(uploadId).get("state").asText().equals("finished"); round++) {
            replayer.replayDue();
            callbacks.dispatchDue();
            clock.advance(Duration.ofMinutes(1));
        }
        callbacks.dispatchDue();
    }

}
