package org.exactsync.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.flow.onboarding.AccountIndex;
import org.exactsync.flow.onboarding.IndexedMatching;
import org.exactsync.flow.journey.FakeCrm;
import org.exactsync.flow.relation.AccountDecision;
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
import org.exactsync.store.dynamodb.DynamoDbAccountIndexStore;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbCallbackOutbox;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbCursorStore;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.exactsync.store.dynamodb.DynamoDbSeenRelationStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.store.dynamodb.DynamoDbUploadStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.exactsync.time.InvocationDeadline;

/**
 * Issue 17's bulk adoption ({@code -Dbench.only=adoption}): the CRM uploads its customer base of
 * {@code bench.adoption-relations} (10,000) relations in parts of 1,000 to a division that already holds most of them
 * (9 in 10, same name, address and postcode, as a bookkeeper keyed them), then the backlog drain syncs everything at
 * the division's budget with the relation flow, twice side by side on fresh stores: (a) without an account index,
 * one Exact look-up per relation, and (b) with the division's account index built first and the drain matching
 * against it ({@link IndexedMatching}; a miss still gets its confirming look-up). Counts per strategy: the upload's
 * wall time, events queued, Exact calls to build the index and to drain (the sandbox's own counter), accounts
 * created twice (must be 0) and signed {@code relation.synced} callbacks carrying a number. Exact's minute and day budgets are waited on a frozen clock that the waits move, so the
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

    /** One strategy's figures, for the side-by-side table. */
    private record Measured(long uploadMillis, int queued, int uploadCalls, int indexCalls, int drainCalls,
            int created, long duplicates, int numbered, String progress, Duration exactTime, long drainMillis) {
    }

    static String run(int relations) throws Exception {
        Measured lookUps = measure(relations, false);
        Measured indexed = measure(relations, true);
        int parts = (relations + PART - 1) / PART;
        StringBuilder out = new StringBuilder("| bulk adoption (issue 17), " + String.format(Locale.ROOT, "%,d",
                relations) + " relations, " + String.format(Locale.ROOT, "%,d", relations * 9 / 10)
                + " held by Exact | (a) one look-up per relation | (b) account index first |\n|---|---|---|\n");
        row(out, "relations uploaded (parts of 1,000 lines) / events queued", lookUps, indexed,
                m -> String.format(Locale.ROOT, "%,d in %d parts / %,d", relations, parts, m.queued()));
        row(out, "upload wall time, all parts (in-process, dynalite)", lookUps, indexed,
                m -> String.format(Locale.ROOT, "%.1f s", m.uploadMillis() / 1000.0));
        row(out, "Exact calls during the upload", lookUps, indexed, m -> String.valueOf(m.uploadCalls()));
        row(out, "Exact calls: build the index", lookUps, indexed, m -> String.valueOf(m.indexCalls()));
        row(out, "Exact calls: drain", lookUps, indexed, m -> String.format(Locale.ROOT, "%,d", m.drainCalls()));
        row(out, "Exact calls per relation (index + drain)", lookUps, indexed, m -> String.format(Locale.ROOT,
                "%.2f", (m.indexCalls() + m.drainCalls()) / (double) relations));
        row(out, "accounts created", lookUps, indexed, m -> String.format(Locale.ROOT, "%,d", m.created()));
        row(out, "duplicate accounts created", lookUps, indexed, m -> String.valueOf(m.duplicates()));
        row(out, "relations called back signed with their number", lookUps, indexed,
                m -> String.format(Locale.ROOT, "%,d of %,d", m.numbered(), relations));
        row(out, "upload progress: synced / failed / waiting", lookUps, indexed, Measured::progress);
        row(out, "drain wall time", lookUps, indexed, m -> m.drainMillis() / 1000 + " s");
        row(out, "drain: Exact time at the division's budget (60 a minute, 5,000 a day)", lookUps, indexed,
                m -> m.exactTime().toDays() + " d " + m.exactTime().toHoursPart() + " h "
                        + m.exactTime().toMinutesPart() + " min");
        return out.toString();
    }

    private static void row(StringBuilder out, String what, Measured a, Measured b, Function<Measured, String> cell) {
        out.append("| ").append(what).append(" | ").append(cell.apply(a)).append(" | ").append(cell.apply(b))
                .append(" |\n");
    }

    /**
     * One strategy on a fresh sandbox and table: without the index every relation is looked up in Exact by the flow;
     * with it the division's index is built first (its calls counted apart) and the drain matches against it.
     */
    private static Measured measure(int relations, boolean withIndex) throws Exception {
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
            ExactTarget target = new ExactTarget(key, DIVISION);
            AccountIndex index = null;
            AccountDecision decision = AccountDecision.NONE;
            if (withIndex) {
                DynamoDbAccountIndexStore indexed = new DynamoDbAccountIndexStore(dynamo.client(), table);
                DynamoDbSeenRelationStore seen = new DynamoDbSeenRelationStore(dynamo.client(), table);
                // Read budget long enough for one build in one call; the flow's own maximum age (15 min) applies.
                index = new AccountIndex(exact, indexed, new DynamoDbCursorStore(dynamo.client(), table, clock), clock,
                        Duration.ofHours(1));
                decision = new IndexedMatching(index, indexed, seen, exact, clock, Duration.ofMinutes(15));
            }
            List<EventHandler<?>> handlers = List.of(new RelationUpsertHandler(new RelationDivisionSync(exact,
                    new DynamoDbMappingStore(dynamo.client(), table, clock), new PaymentConditionCatalog(exact, clock),
                    callbacks, clock, decision), connections, tenants));
            EventReplayer replayer = new EventReplayer(events, pipeline, handlers, clock,
                    InboundLimits.defaults().lease(), 100);
            RelationUpload upload = new RelationUpload(tenants, connections, events, uploads, json, clock,
                    Duration.ofSeconds(300), Duration.ofDays(30), new InvocationDeadline(), UploadLimits.defaults());

            int held = relations * 9 / 10;
            seed(sandbox, held);
            int accountsBefore = sandbox.rows(DIVISION, "crm/Accounts").size();
            int indexCalls = 0;
            if (index != null) {
                int beforeIndex = sandbox.calls().totalCalls(DIVISION);
                if (!index.build(target).complete()) {
                    throw new IllegalStateException("the index build stopped before the feed's end");
                }
                indexCalls = sandbox.calls().totalCalls(DIVISION) - beforeIndex;
            }
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

            return new Measured(uploadMillis, queued, callsDuringUpload, indexCalls, drainCalls,
                    accounts.size() - accountsBefore, accounts.size() - distinctNames, numbered.size(),
                    progress.synced() + " / " + progress.failed() + " / " + open(uploads), exactTime, drainMillis);
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
