package org.exactsync.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.callback.CallbackDispatcher;
import org.exactsync.crm.inbound.EventHandler;
import org.exactsync.crm.inbound.EventReplayer;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.InboundLimits;
import org.exactsync.crm.inbound.InboundPipeline;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.ExactSettings;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.flow.journey.FakeCrm;
import org.exactsync.flow.relation.PaymentConditionCatalog;
import org.exactsync.flow.relation.RelationDivisionSync;
import org.exactsync.flow.relation.RelationUpsertHandler;
import org.exactsync.flow.upload.RelationUpload;
import org.exactsync.flow.upload.UploadLimits;
import org.exactsync.flow.upload.UploadProgressObserver;
import org.exactsync.metrics.Metrics;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.limits.RateLimits;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.SyncMode;
import org.exactsync.store.UploadProgress;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbCallbackOutbox;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.store.dynamodb.DynamoDbUploadStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.exactsync.time.InvocationDeadline;

/**
 * Issue 17's bulk adoption ({@code -Dbench.only=adoption}): the CRM uploads its customer base of
 * {@code bench.adoption-relations} (10,000) relations in parts of 1,000 to a division that already holds most of them
 * (9 in 10, same name, address and postcode, as a bookkeeper keyed them), then the backlog drain syncs everything at
 * the division's budget with today's relation flow. Counts: the upload's wall time, events queued, Exact calls the
 * drain used (the sandbox's own counter), accounts created twice (must be 0) and signed {@code relation.synced}
 * callbacks carrying a number. Exact's minute and day budgets are waited on a frozen clock that the waits move, so the
 * days the drain needs in Exact time take minutes here.
 */
final class AdoptionBench {

    private static final String TENANT = "bench-adoption";
    private static final String INBOUND = "bench-inbound";
    private static final String OUTBOUND = "bench-outbound";
    private static final int DIVISION = BenchEnvironment.DIVISION_A;
    private static final int PART = 1000;

    private AdoptionBench() {
    }

    static String run(int relations) throws Exception {
        AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-12-01T06:00:00Z"));
        ObjectMapper json = new ObjectMapper();
        TestDynamo dynamo = TestDynamo.shared();
        String table = dynamo.newTable("bench-adoption");
        try (ExactSandbox sandbox = ExactSandbox.builder().clock(clock).sleeper(clock.sleeper())
                .rateLimits(RateLimits.exactDefaults()).build().start();
                FakeCrm crm = new FakeCrm(OUTBOUND, clock)) {
            ExactOnlineClient exact = ExactOnlineClient.create(ExactSettings.defaults(sandbox.baseUrl(),
                    sandbox.clientId(), sandbox.clientSecret(), sandbox.redirectUri()),
                    new DynamoDbTokenStore(dynamo.client(), table), new DynamoDbCallBudgetStore(dynamo.client(), table),
                    clock, clock.sleeper());
            String location = sandbox.oauth().authorize(sandbox.clientId(), sandbox.redirectUri(), "code", "b", null);
            TokenKey key = exact.connect(TENANT, URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"),
                    StandardCharsets.UTF_8));
            TenantSettings tenants = new TenantSettings(List.of(new Tenant(TENANT, INBOUND, OUTBOUND,
                    Optional.of(crm.callbackUrl()), ConflictPolicy.REPORT, List.of())));
            DynamoDbConnectionStore connections = new DynamoDbConnectionStore(dynamo.client(), table, clock);
            connections.save(new ConnectionRecord(TENANT, key.site(), key.exactUser(), sandbox.clientId(),
                    List.of(DIVISION), List.of(DIVISION), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0))
                    .orElseThrow();
            DynamoDbEventStore events = new DynamoDbEventStore(dynamo.client(), table, clock);
            DynamoDbUploadStore uploads = new DynamoDbUploadStore(dynamo.client(), table);
            CallbackDispatcher callbacks = new CallbackDispatcher(new DynamoDbCallbackOutbox(dynamo.client(), table,
                    clock), tenants, json, clock, Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(5),
                    Duration.ofHours(1), 100, () -> 0.5);
            InboundPipeline pipeline = new InboundPipeline(tenants, connections, events, callbacks, json, clock,
                    InboundLimits.defaults(), Metrics.none(), new UploadProgressObserver(uploads));
            List<EventHandler<?>> handlers = List.of(new RelationUpsertHandler(new RelationDivisionSync(exact,
                    new DynamoDbMappingStore(dynamo.client(), table, clock), new PaymentConditionCatalog(exact, clock),
                    callbacks, clock), connections, tenants));
            EventReplayer replayer = new EventReplayer(events, pipeline, handlers, clock,
                    InboundLimits.defaults().lease(), 100);
            RelationUpload upload = new RelationUpload(tenants, connections, events, uploads, json, clock,
                    Duration.ofSeconds(300), Duration.ofDays(30), new InvocationDeadline(), UploadLimits.defaults());

            int held = relations * 9 / 10;
            seed(sandbox, held);
            int accountsBefore = sandbox.rows(DIVISION, "crm/Accounts").size();
            int callsBefore = sandbox.calls().totalCalls(DIVISION);

            long started = System.nanoTime();
            int parts = (relations + PART - 1) / PART;
            int queued = 0;
            for (int part = 1; part <= parts; part++) {
                HttpResponseEvent answer = upload.receive(post(part, parts, relations));
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("part " + part + " answered " + answer.statusCode());
                }
                queued += json.readTree(answer.body()).get("queued").asInt();
            }
            long uploadMillis = (System.nanoTime() - started) / 1_000_000;
            int callsDuringUpload = sandbox.calls().totalCalls(DIVISION) - callsBefore;

            Instant drainStart = clock.instant();
            long drainStarted = System.nanoTime();
            clock.advance(InboundLimits.defaults().lease().plusSeconds(1));
            // A drain tick each Exact minute; once the day's 5,000 calls are spent every event waits for the next
            // day, so a tick that settles nothing moves the clock an hour instead (as idle scheduled ticks would).
            for (int round = 0; round < 500 && open(uploads) > 0; round++) {
                long before = open(uploads);
                replayer.replayDue();
                callbacks.dispatchDue();
                clock.advance(open(uploads) < before ? Duration.ofMinutes(1) : Duration.ofHours(1));
            }
            callbacks.dispatchDue();
            long drainMillis = (System.nanoTime() - drainStarted) / 1_000_000;
            Duration exactTime = Duration.between(drainStart, clock.instant());

            List<Map<String, Object>> accounts = sandbox.rows(DIVISION, "crm/Accounts");
            long distinctNames = accounts.stream().map(a -> String.valueOf(a.get("Name"))).distinct().count();
            List<FakeCrm.Received> synced = crm.received().stream()
                    .filter(r -> r.type().equals("relation.synced")).toList();
            Set<String> numbered = synced.stream().filter(FakeCrm.Received::signatureValid)
                    .filter(r -> !r.data().path("debtorNumber").asText().isBlank())
                    .map(r -> r.data().get("relationId").asText()).collect(Collectors.toSet());
            UploadProgress progress = uploads.find(TENANT, "bench").orElseThrow();
            int drainCalls = sandbox.calls().totalCalls(DIVISION) - callsBefore - callsDuringUpload;

            Map<String, String> rows = new LinkedHashMap<>();
            rows.put("relations uploaded (parts of 1,000 lines)", relations + " in " + parts + " parts");
            rows.put("accounts Exact already held (same name, address, postcode)", String.valueOf(held));
            rows.put("upload wall time, all parts (in-process, dynalite)", uploadMillis + " ms");
            rows.put("events queued", String.valueOf(queued));
            rows.put("Exact calls during the upload", String.valueOf(callsDuringUpload));
            rows.put("Exact calls of the drain (today's one look-up per relation)", drainCalls + " ("
                    + String.format(java.util.Locale.ROOT, "%.2f", drainCalls / (double) relations)
                    + " per relation)");
            rows.put("accounts created", String.valueOf(accounts.size() - accountsBefore));
            rows.put("duplicate accounts created", String.valueOf(accounts.size() - distinctNames));
            rows.put("relations called back signed with their number", numbered.size() + " of " + relations);
            rows.put("upload progress: synced / failed / waiting", progress.synced() + " / " + progress.failed()
                    + " / " + open(uploads));
            rows.put("drain: Exact time at the division's budget (5,000 calls a day) / wall time",
                    exactTime.toDays() + " d " + exactTime.toHoursPart() + " h / " + drainMillis / 1000 + " s");
            StringBuilder out = new StringBuilder("| bulk adoption (issue 17) | measured |\n|---|---|\n");
            rows.forEach((what, value) -> out.append("| ").append(what).append(" | ").append(value).append(" |\n"));
            return out.toString();
        }
    }

    private static long open(DynamoDbUploadStore uploads) {
        return uploads.find(TENANT, "bench").map(p -> p.parts().stream().mapToLong(x -> x.accepted()).sum()
                - p.synced() - p.previewed() - p.failed()).orElse(1L);
    }

    /** The accounts a bookkeeper keyed before the connector came: relations 0 .. held-1, as the CRM holds them. */
    private static void seed(ExactSandbox sandbox, int held) {
        var accounts = sandbox.entitySet("crm/Accounts").orElseThrow();
        sandbox.inDivision(DIVISION, (data, context) -> {
            for (int i = 0; i < held; i++) {
                accounts.create(data, new HashMap<>(Map.of("Name", name(i), "AddressLine1", "Dorpsstraat " + (i + 1),
                        "Postcode", postcode(i), "City", "Utrecht", "Country", "NL", "Status", "C", "IsSales", true)),
                        context);
            }
            return null;
        });
    }

    private static HttpRequestEvent post(int part, int parts, int relations) {
        StringBuilder body = new StringBuilder("{\"uploadId\":\"bench\",\"part\":" + part + ",\"parts\":" + parts
                + ",\"tenant\":\"" + TENANT + "\",\"occurredAt\":\"2026-12-01T05:00:00Z\"}\n");
        for (int i = (part - 1) * PART; i < Math.min(relations, part * PART); i++) {
            body.append("{\"id\":\"rel-").append(i).append("\",\"roles\":[\"customer\"],\"name\":\"").append(name(i))
                    .append("\",\"address\":{\"line1\":\"Dorpsstraat ").append(i + 1).append("\",\"postcode\":\"")
                    .append(postcode(i)).append("\",\"city\":\"Utrecht\",\"country\":\"NL\"}}\n");
        }
        byte[] raw = body.toString().getBytes(StandardCharsets.UTF_8);
        // Signed at the clock's now: the frozen clock stands still while the parts go in.
        return new HttpRequestEvent("POST", null, "/crm/relations/uploads", null, Map.of(CrmSignature.HEADER,
                CrmSignature.sign(INBOUND, Instant.parse("2026-12-01T06:00:00Z"), raw)), Map.of(),
                Base64.getEncoder().encodeToString(raw), true);
    }

    private static String name(int i) {
        return "Klant " + i + " B.V.";
    }

    private static String postcode(int i) {
        return String.format("%04d AB", 1000 + i % 9000);
    }
}
