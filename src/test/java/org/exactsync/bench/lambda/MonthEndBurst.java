package org.exactsync.bench.lambda;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.ScheduleTick;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.ReplayReport;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.mapping.LedgerMapping;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;
import org.exactsync.store.SyncMode;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.store.dynamodb.DynamoDbLedgerMappingStore;

/**
 * Issue 13's month-end burst in the Lambda emulation: a CRM with 10 concurrent webhook senders posts 200 new
 * relations and 2,000 invoices (10 per relation) for 2 divisions, spread evenly over 60 s, to the relation-upsert and
 * invoice-posting functions (Timeout from the template, API Gateway's 29 s), retrying any 5xx or gateway timeout with
 * a doubling back-off as a webhook sender does. The event-replay function runs on its schedule (one asynchronous
 * invocation per minute, runs overlapping) until no event is open. The clock runs at {@code burst-speed} while the
 * CRM sends (answer times matter, and the 28 s Timeout must not be spent on the local store's latency stretched by
 * a fast clock) and at {@code drain-speed} after it, when only the replayer runs (the drain takes Exact minutes).
 */
final class MonthEndBurst {

    static final String TENANT = "default";
    private static final String SECRET = "burst-inbound-secret";
    private static final int SENDERS = 10;
    private static final int RELATIONS = Integer.getInteger("bench.lambda.burst-relations", 200);
    private static final int INVOICES_PER_RELATION = 10;
    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    private static final int MAX_SENDS = 12;
    private static final double BURST_SPEED = Double.parseDouble(System.getProperty("bench.lambda.burst-speed", "2"));
    private static final double DRAIN_SPEED = Double.parseDouble(System.getProperty("bench.lambda.drain-speed", "12"));
    /** The drain is given up (and reported as such) after 1.5 times the physical limit and 2 minutes more. */
    private static final double DRAIN_CAP_FACTOR = 1.5;
    /**
     * The CRM's senders stop after this much emulated time even with deliveries still unanswered (counted): HTTP
     * invocations run at the burst speed only, since a faster clock stretches the local store's latency into the
     * 28 s Timeout, and the inline waits would keep the CRM busy for as long as the drain.
     */
    private static final Duration CRM_CAP = Duration.ofMinutes(Long.getLong("bench.lambda.crm-minutes", 3));
    private static final String ENTRIES = "salesentry/SalesEntries";
    static final List<Integer> DIVISIONS = List.of(100001, 100002);

    private final WaitMode mode;
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final List<Long> answerMillis = Collections.synchronizedList(new ArrayList<>());
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final AtomicInteger crmRetries = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger replayRuns = new AtomicInteger();
    private final AtomicInteger replayedDone = new AtomicInteger();

    private MonthEndBurst(WaitMode mode) {
        this.mode = mode;
    }

    /** Runs the burst in {@code mode} and returns its figures, label → value, in table order. */
    static BurstFigures run(WaitMode mode) throws Exception {
        return new MonthEndBurst(mode).burst();
    }

    private record Pending(CrmPlan.Delivery delivery, Instant notBefore, int sends)
            implements Comparable<Pending> {
        @Override
        public int compareTo(Pending other) {
            return notBefore.compareTo(other.notBefore);
        }
    }

    private BurstFigures burst() throws Exception {
        long wallStart = System.nanoTime();
        ShiftingClock clock = LambdaWorld.clock(BURST_SPEED);
        ExactSandbox sandbox = ExactSandbox.builder().clock(clock).sleeper(clock.sleeper())
                .divisions(LambdaWorld.divisions(DIVISIONS)).threads(16).build().start();
        TenantSettings tenants = new TenantSettings(List.of(new Tenant(TENANT, SECRET, "burst-outbound-secret",
                Optional.empty(), ConflictPolicy.REPORT, DIVISIONS)));
        try (LambdaWorld world = new LambdaWorld(clock, sandbox, tenants, mode);
                EmulatedFunction<HttpRequestEvent, HttpResponseEvent> relations = world.function("relation-upsert",
                        i -> i.relations::upsert);
                EmulatedFunction<HttpRequestEvent, HttpResponseEvent> invoices = world.function("invoice-posting",
                        i -> i.invoices::post);
                EmulatedFunction<ScheduleTick, ReplayReport> replay = world.function("event-replay",
                        i -> i.replay::replay)) {
            // The schedule's tick plans; the lanes' workers (asynchronous invocations of the same function) drain.
            replay.observe(r -> {
                if (r.value() != null) {
                    replayedDone.addAndGet(r.value().done());
                }
            });
            connect(world);
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            CrmPlan plan = new CrmPlan(TENANT, DIVISIONS, RELATIONS, INVOICES_PER_RELATION, today);
            int callsBefore = sandbox.calls().totalCalls(null);
            Instant start = clock.instant();
            AtomicBoolean stop = new AtomicBoolean();
            List<CompletableFuture<?>> runs = new CopyOnWriteArrayList<>();
            Thread schedule = new Thread(() -> schedule(world, replay, stop, runs), "burst-replay-schedule");
            schedule.setDaemon(true);
            schedule.start();

            Instant answered = send(world, plan, start, relations, invoices);
            clock.speed(DRAIN_SPEED);
            DynamoDbEventStore events = new DynamoDbEventStore(world.dynamo.client(), world.table, clock);
            Map<Integer, Integer> callsPerDivision = new TreeMap<>();
            Duration limit = Duration.ZERO;
            Instant drained = null;
            while (true) {
                int made = 0;
                for (int division : DIVISIONS) {
                    callsPerDivision.put(division, sandbox.calls().totalCalls(division));
                    made = Math.max(made, sandbox.calls().totalCalls(division));
                }
                limit = Duration.ofMillis(Math.round(made / 60.0 * 60_000));
                if (open(events) == 0) {
                    drained = clock.instant();
                    break;
                }
                if (Duration.between(start, clock.instant()).toMillis() > limit.toMillis() * DRAIN_CAP_FACTOR
                        + Duration.ofMinutes(2).toMillis()) {
                    break;
                }
                clock.sleeper().sleep(Duration.ofSeconds(10));
            }
            stop.set(true);
            schedule.join();
            for (CompletableFuture<?> run : runs) {
                run.cancel(true);
            }
            Truth truth = truth(sandbox, plan);
            return figures(world, plan, start, answered, drained, limit, callsPerDivision,
                    sandbox.calls().totalCalls(null) - callsBefore, List.of(relations, invoices, replay), truth,
                    (System.nanoTime() - wallStart) / 1e9);
        }
    }

    /** The CRM's senders; returns when every delivery has had a 2xx (or given up), i.e. the CRM is done. */
    private Instant send(LambdaWorld world, CrmPlan plan, Instant start,
            EmulatedFunction<HttpRequestEvent, HttpResponseEvent> relations,
            EmulatedFunction<HttpRequestEvent, HttpResponseEvent> invoices) throws InterruptedException {
        PriorityBlockingQueue<Pending> queue = new PriorityBlockingQueue<>();
        long step = WINDOW.toNanos() / plan.deliveries.size();
        for (int i = 0; i < plan.deliveries.size(); i++) {
            queue.add(new Pending(plan.deliveries.get(i), start.plusNanos(step * i), 0));
        }
        AtomicInteger open = new AtomicInteger(plan.deliveries.size());
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            Random jitter = new Random(s);
            Thread sender = new Thread(() -> {
                while (open.get() > 0 && world.clock.instant().isBefore(start.plus(CRM_CAP))) {
                    Pending next;
                    try {
                        next = queue.poll(20, TimeUnit.MILLISECONDS);
                        if (next == null) {
                            continue;
                        }
                        world.clock.sleepUntil(next.notBefore());
                    } catch (InterruptedException e) {
                        return;
                    }
                    EmulatedFunction<HttpRequestEvent, HttpResponseEvent> function =
                            next.delivery().route().equals("/crm/relations") ? relations : invoices;
                    byte[] body = next.delivery().body().getBytes(StandardCharsets.UTF_8);
                    HttpRequestEvent request = new HttpRequestEvent(next.delivery().route(), null,
                            Map.of(CrmSignature.HEADER, CrmSignature.sign(SECRET, world.clock.instant(), body)),
                            java.util.Base64.getEncoder().encodeToString(body), true);
                    InvocationResult<HttpResponseEvent> result = function.invokeSync(request);
                    int status = result.httpStatus(HttpResponseEvent::statusCode);
                    statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                    answerMillis.add(result.took().toMillis());
                    if (status >= 500 && next.sends() + 1 < MAX_SENDS) {
                        crmRetries.incrementAndGet();
                        long backoff = FIRST_RETRY.toMillis() << Math.min(next.sends(), 5);
                        queue.add(new Pending(next.delivery(), world.clock.instant().plusMillis(
                                (long) (backoff * (0.8 + 0.4 * jitter.nextDouble()))), next.sends() + 1));
                        continue;
                    }
                    if (status != 200 && status != 202) {
                        unexpected.add(next.delivery().eventId() + " answered " + status
                                + (result.value() == null ? "" : " " + result.value().body()));
                    }
                    open.decrementAndGet();
                }
            }, "burst-crm-sender-" + s);
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        unanswered.set(open.get());
        return world.clock.instant();
    }

    /** EventBridge: one asynchronous invocation per minute, whether or not the last one has finished. */
    private void schedule(LambdaWorld world, EmulatedFunction<ScheduleTick, ReplayReport> replay, AtomicBoolean stop,
            List<CompletableFuture<?>> runs) {
        Duration every = replay.spec().schedule();
        Instant next = world.clock.instant().plus(every);
        while (!stop.get()) {
            try {
                world.clock.sleepUntil(next.isAfter(world.clock.instant().plusSeconds(5))
                        ? world.clock.instant().plusSeconds(5) : next);
            } catch (InterruptedException e) {
                return;
            }
            if (world.clock.instant().isBefore(next)) {
                continue;
            }
            next = next.plus(every);
            replayRuns.incrementAndGet();
            runs.add(replay.invokeAsync(new ScheduleTick("burst-" + next, world.clock.instant().toString())));
        }
    }

    private static int open(DynamoDbEventStore events) {
        int open = 0;
        for (EventStatus status : List.of(EventStatus.WAITING, EventStatus.ACCEPTED, EventStatus.IN_PROGRESS)) {
            open += events.findByStatus(status, 100_000).size();
        }
        open += (int) events.findByStatus(EventStatus.FAILED, 100_000).stream().filter(EventRecord::retryable)
                .count();
        return open;
    }

    /** Consent through the sandbox and the client (as a person would give it), then the connection and ledgers. */
    private static void connect(LambdaWorld world) {
        ExactSandbox sandbox = world.sandbox;
        ExactOnlineClient client = world.exactFor(world.newGuard(), world.dynamo.client());
        String location = sandbox.oauth().authorize(sandbox.clientId(), sandbox.redirectUri(), "code", "burst", null);
        String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        TokenKey key = client.connect(TENANT, code);
        new DynamoDbConnectionStore(world.dynamo.client(), world.table, world.clock).save(new ConnectionRecord(TENANT,
                key.site(), key.exactUser(), sandbox.clientId(), DIVISIONS, DIVISIONS, ConnectionStatus.ACTIVE,
                SyncMode.LIVE, null, null, 0)).orElseThrow();
        DynamoDbLedgerMappingStore ledgers = new DynamoDbLedgerMappingStore(world.dynamo.client(), world.table,
                world.clock);
        DIVISIONS.forEach(d -> ledgers.save(TENANT, d, LedgerMapping.dutchStandard(), 0).orElseThrow());
    }

    /** Entries per invoice and totals, from the sandbox's own rows. */
    private record Truth(int invoices, int exactlyOne, int missing, int duplicated, BigDecimal crmTotal,
            BigDecimal exactTotal) {
    }

    private static Truth truth(ExactSandbox sandbox, CrmPlan plan) {
        Map<String, List<Map<String, Object>>> byNumber = new LinkedHashMap<>();
        BigDecimal exactTotal = BigDecimal.ZERO;
        for (int division : DIVISIONS) {
            for (Map<String, Object> entry : sandbox.rows(division, ENTRIES)) {
                byNumber.computeIfAbsent(division + "/" + entry.get("YourRef"), k -> new ArrayList<>()).add(entry);
                exactTotal = exactTotal.add(new BigDecimal(entry.get("AmountFC").toString()));
            }
        }
        int one = 0;
        int missing = 0;
        int duplicated = 0;
        BigDecimal crmTotal = BigDecimal.ZERO;
        for (CrmPlan.Invoice invoice : plan.invoices) {
            crmTotal = crmTotal.add(invoice.totalInclVat());
            List<Map<String, Object>> found = byNumber.getOrDefault(invoice.division() + "/" + invoice.number(),
                    List.of());
            if (found.isEmpty()) {
                missing++;
            } else if (found.size() > 1) {
                duplicated++;
            } else if (new BigDecimal(found.get(0).get("AmountFC").toString())
                    .compareTo(invoice.totalInclVat()) == 0) {
                one++;
            }
        }
        return new Truth(plan.invoices.size(), one, missing, duplicated, crmTotal, exactTotal);
    }

    private BurstFigures figures(LambdaWorld world, CrmPlan plan, Instant start, Instant answered, Instant drained,
            Duration limit, Map<Integer, Integer> callsPerDivision, int exactCalls,
            List<EmulatedFunction<?, ?>> functions, Truth truth, double wallSeconds) {
        List<Long> sorted = new ArrayList<>(answerMillis);
        Collections.sort(sorted);
        int killed = functions.stream().mapToInt(f -> f.killed.get()).sum();
        int throttled = functions.stream().mapToInt(f -> f.throttled.get()).sum();
        long over29 = sorted.stream().filter(ms -> ms >= 29_000).count();
        int fiveHundreds = statuses.entrySet().stream().filter(e -> e.getKey() >= 500)
                .mapToInt(e -> e.getValue().get()).sum();
        int tooMany = world.sandbox.calls().tooManyRequests(null);
        Duration drain = drained == null ? null : Duration.between(start, drained);
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("CRM deliveries: relations + invoices (10 senders, planned over 60 s) / retries after a 5xx or "
                + "timeout", (plan.deliveries.size() - plan.invoices.size()) + " + " + plan.invoices.size() + " / "
                + crmRetries.get());
        rows.put("answers by status (every delivery and retry)", new TreeMap<>(statuses).toString());
        rows.put("CRM had a 2xx for every delivery after", unanswered.get() == 0
                ? seconds(Duration.between(start, answered))
                : "no: " + unanswered.get() + " deliveries without one when it stopped at " + seconds(CRM_CAP));
        rows.put("answer time p50 / p99 / max", seconds(percentile(sorted, 50)) + " / "
                + seconds(percentile(sorted, 99)) + " / " + seconds(percentile(sorted, 100)));
        rows.put("answers ≥ 500 / gateway timeouts (504) / answers ≥ 29 s", fiveHundreds + " / "
                + statuses.getOrDefault(504, new AtomicInteger()).get() + " / " + over29);
        rows.put("invocations killed at their Timeout / throttled", killed + " / " + throttled);
        rows.put("cold starts / peak concurrency (relation, invoice, replay)", functions.stream()
                .map(f -> f.coldStarts.get() + "/" + f.peakConcurrency.get()).reduce((a, b) -> a + ", " + b)
                .orElse(""));
        rows.put("event-replay runs started / events finished by it", replayRuns.get() + " / " + replayedDone.get());
        rows.put("Exact calls (per division) / 429s", exactCalls + " " + callsPerDivision.values() + " / " + tooMany);
        rows.put("invoices with exactly one entry, CRM's amount / missing (incl. never delivered) / duplicated",
                truth.exactlyOne() + " of " + truth.invoices() + " / " + truth.missing() + " / " + truth.duplicated());
        rows.put("sum of invoices: CRM / Exact", truth.crmTotal().toPlainString() + " / "
                + truth.exactTotal().toPlainString());
        rows.put("drain: first delivery to last event done / physical limit (busiest division's calls ÷ 60/min)",
                (drain == null ? "not drained" : seconds(drain)) + " / " + seconds(limit)
                        + (drain == null ? "" : String.format(Locale.ROOT, " (%.2f x)",
                                (double) drain.toMillis() / Math.max(1, limit.toMillis()))));
        rows.put("clock (burst / drain) / wall time", String.format(Locale.ROOT, "%.0fx / %.0fx / %.0f s",
                BURST_SPEED, DRAIN_SPEED, wallSeconds));
        boolean goal = unanswered.get() == 0 && fiveHundreds == 0 && over29 == 0 && killed == 0 && tooMany == 0
                && truth.exactlyOne() == truth.invoices() && truth.crmTotal().compareTo(truth.exactTotal()) == 0
                && drain != null && drain.toMillis() <= limit.toMillis() * 1.1 && unexpected.isEmpty();
        rows.put("**issue 13's goal met**", goal ? "yes" : "no" + (unexpected.isEmpty() ? ""
                : " (" + unexpected.size() + " unexpected answers, e.g. " + unexpected.get(0) + ")"));
        return new BurstFigures(mode, rows);
    }

    private static Duration percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return Duration.ofMillis(sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))));
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** One variant's rows. */
    record BurstFigures(WaitMode mode, Map<String, String> rows) {
    }
}
