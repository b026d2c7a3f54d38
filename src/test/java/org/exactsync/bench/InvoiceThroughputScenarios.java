package org.exactsync.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.inbound.AcceptedEvent;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.ExactAccount;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.invoice.FinanceMasterDataCache;
import org.exactsync.flow.invoice.InvoiceBooking;
import org.exactsync.flow.invoice.InvoicePostingHandler;
import org.exactsync.json.JsonSettings;
import org.exactsync.mapping.InvoiceCreated;
import org.exactsync.mapping.LedgerMapping;
import org.exactsync.sandbox.DivisionProfile;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.SyncMode;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbDivisionCacheStore;
import org.exactsync.store.dynamodb.DynamoDbLedgerMappingStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;

/**
 * Issue 8's throughput figure: invoices booked per minute per division, sustained, against Exact's 60 calls a
 * minute, with 1, 4 and 16 concurrent workers (each its own client and handler, as separate Lambda instances would
 * be, sharing the budget and the stores in DynamoDB) on 1 or 10 divisions. Master data is cached before the window;
 * only bookings whose POST the sandbox counted in a full clock minute of the window count.
 */
final class InvoiceThroughputScenarios {

    /** Exact minutes the workers book for; the first and last partial minutes are not counted. */
    private static final int WINDOW_MINUTES = Integer.getInteger("bench.throughput-minutes", 4);
    /**
     * Real time each worker must be able to spend per booking for Exact's budget, not the worker's latency, to set the
     * pace: a booking takes 25 to 50 real ms here (one POST plus the DynamoDB round trips on dynalite).
     */
    private static final double REAL_SECONDS_PER_BOOKING = 0.05;
    /** Fastest clock used: beyond this, thread scheduling jitter becomes whole Exact seconds. */
    private static final double MAX_SPEED = 12;
    /**
     * Bookings per real second the local store keeps up with: each makes about 11 DynamoDB round trips, and dynalite
     * is one Node process (measured: 16 workers on 10 divisions held the budget at 6x, 600 bookings in 10 s).
     */
    private static final double STORE_BOOKINGS_PER_SECOND = 60;
    private static final String SPEED_OVERRIDE = System.getProperty("bench.throughput-speed");
    private static final String ENTRIES = "salesentry/SalesEntries";
    private static final String TENANT = "default";
    private static final ObjectMapper JSON = new ObjectMapper();

    private InvoiceThroughputScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        for (int divisions : new int[] {1, 10}) {
            for (int workers : new int[] {1, 4, 16}) {
                all.add(sustained(workers, divisions));
            }
        }
        return all;
    }

    static Scenario sustained(int workers, int divisionCount) {
        String name = String.format(Locale.ROOT, "invoices sustained, %d worker%s, %d division%s", workers,
                workers == 1 ? "" : "s", divisionCount, divisionCount == 1 ? "" : "s");
        return new Scenario() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double speed() {
                return InvoiceThroughputScenarios.speed(workers, divisionCount);
            }

            @Override
            public ScenarioResult run(BenchEnvironment ignored, int operations) throws Exception {
                // Ten divisions must be in the consent, so this scenario builds its own sandbox.
                try (BenchEnvironment env = new BenchEnvironment(speed(), divisions(divisionCount))) {
                    return measure(env, name, workers, divisionCount, speed());
                }
            }
        };
    }

    /**
     * The clock for one row: at the budget every worker books 60 x divisions / workers invoices per Exact minute, so
     * an Exact minute must last at least that many times {@link #REAL_SECONDS_PER_BOOKING} of real time. One worker
     * for ten divisions gets 2x real time (600 bookings in 30 real seconds); rows with more workers per division run
     * faster, up to what the local store keeps up with and at most {@link #MAX_SPEED}.
     */
    static double speed(int workers, int divisions) {
        if (SPEED_OVERRIDE != null) {
            return Double.parseDouble(SPEED_OVERRIDE);
        }
        double realSecondsPerMinute = 60.0 * divisions / workers * REAL_SECONDS_PER_BOOKING;
        double storeBound = STORE_BOOKINGS_PER_SECOND / divisions;
        return Math.min(Math.min(MAX_SPEED, storeBound), 60.0 / realSecondsPerMinute);
    }

    private static ScenarioResult measure(BenchEnvironment env, String name, int workers, int divisionCount,
            double speed) throws Exception {
        List<Integer> divisions = divisions(divisionCount).stream().map(DivisionProfile::code).toList();
        Setup setup = new Setup(env, divisions);
        int tooManyBefore = env.tooManyRequests();
        Map<Integer, Integer> entriesBefore = entryCounts(env, divisions);
        // The first and last minutes are partial: only the WINDOW_MINUTES - 1 full ones between them count.
        Instant start = env.clock.instant();
        Instant end = start.plus(Duration.ofMinutes(WINDOW_MINUTES));
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<Integer>> done = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int first = w;
            done.add(pool.submit(() -> {
                InvoicePostingHandler handler = setup.coldHandler();
                int booked = 0;
                for (int i = first; env.clock.instant().isBefore(end); i++) {
                    int division = divisions.get(i % divisions.size());
                    String suffix = Integer.toString(sequence.incrementAndGet());
                    Outcome outcome = handler.process(new AcceptedEvent<>("evt-" + suffix,
                            InvoicePostingHandler.TYPE, TENANT, List.of(division), null, invoice(env, suffix)));
                    if (!(outcome instanceof Outcome.Done)) {
                        throw new IllegalStateException("invoice not booked: " + outcome);
                    }
                    booked++;
                }
                return booked;
            }));
        }
        int booked = 0;
        for (Future<Integer> f : done) {
            booked += f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdownNow();
        Instant firstFull = start.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant lastFullEnd = end.truncatedTo(ChronoUnit.MINUTES);
        int fullMinutes = (int) Duration.between(firstFull, lastFullEnd).toMinutes();
        int inFullMinutes = 0;
        int peak = 0;
        int entries = 0;
        for (int division : divisions) {
            for (Map.Entry<Instant, Integer> minute : env.sandbox.calls().callsPerMinute(division, ENTRIES)
                    .entrySet()) {
                if (!minute.getKey().isBefore(firstFull) && minute.getKey().isBefore(lastFullEnd)) {
                    inFullMinutes += minute.getValue();
                }
            }
            peak = Math.max(peak, env.sandbox.calls().maxCallsInAnyMinute(division));
            entries += env.sandbox.rows(division, ENTRIES).size() - entriesBefore.get(division);
        }
        double perMinutePerDivision = (double) inFullMinutes / fullMinutes / divisionCount;
        String note = String.format(Locale.ROOT, "**%.1f bookings per minute per division** (%d POSTs in %d full "
                + "minutes x %d division%s); peak calls in one minute: %d (limit 60); %d bookings, %d entries "
                + "created; clock %.0fx real time (%.0f real ms per booking per worker at the budget)", perMinutePerDivision, inFullMinutes, fullMinutes, divisionCount,
                divisionCount == 1 ? "" : "s", peak, booked, entries, speed,
                1000.0 * workers / (speed * divisionCount));
        if (perMinutePerDivision < 57 && peak < 57) {
            // No minute was full: the workers' own round trips, not Exact's budget, were the limit.
            note += String.format(Locale.ROOT, "; latency-bound, not budget-bound: %d worker%s made %.0f bookings "
                    + "per Exact minute for all divisions together", workers, workers == 1 ? "" : "s",
                    (double) booked / WINDOW_MINUTES);
        }
        return new ScenarioResult(name, booked, env.exactCalls() - setup.callsBefore,
                env.tooManyRequests() - tooManyBefore, note);
    }

    private static Map<Integer, Integer> entryCounts(BenchEnvironment env, List<Integer> divisions) {
        Map<Integer, Integer> counts = new java.util.HashMap<>();
        divisions.forEach(d -> counts.put(d, env.sandbox.rows(d, ENTRIES).size()));
        return counts;
    }

    /** Dutch divisions 100001, 100002, ... with the sandbox's standard master data. */
    static List<DivisionProfile> divisions(int count) {
        List<DivisionProfile> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            int code = 100000 + i;
            out.add(new DivisionProfile(code, java.util.UUID.nameUUIDFromBytes(("bench-division-" + code)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "Bench divisie " + i, "EUR", "NL", "NL", 1,
                    0, i == 1, String.format(Locale.ROOT, "NL%09dB01", code), Integer.toString(41_000_000 + i),
                    null));
        }
        return out;
    }

    static InvoiceCreated invoice(BenchEnvironment env, String suffix) {
        LocalDate today = LocalDate.ofInstant(env.clock.instant(), ZoneOffset.UTC);
        String json = """
                {"id":"inv-tp-%s","number":"TP-%s","kind":"invoice","relationId":"rel-bench","date":"%s",
                 "dueDate":"%s","currency":"EUR","description":"Bench",
                 "lines":[{"description":"Werk","revenueAccount":"8000","amount":"100.00","vatRate":"21",
                           "vatCategory":"standard","vatAmount":"21.00"}],
                 "totalExclVat":"100.00","totalVat":"21.00","totalInclVat":"121.00"}
                """.formatted(suffix, suffix, today, today.plusDays(30));
        try {
            return JSON.readValue(json, InvoiceCreated.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One connected tenant over all divisions, each with its ledger mapping, one synced customer and its master data
     * already cached in DynamoDB (by one warm-up booking per division, not counted).
     */
    static final class Setup {
        private final BenchEnvironment env;
        private final DynamoDbConnectionStore connections;
        private final DynamoDbMappingStore mappings;
        private final DynamoDbLedgerMappingStore ledgers;
        private final DynamoDbDivisionCacheStore caches;
        final int callsBefore;

        Setup(BenchEnvironment env, List<Integer> divisions) {
            this.env = env;
            ExactOnlineClient client = env.newClient();
            ExactTarget first = env.connect(client, TENANT, divisions.get(0));
            connections = new DynamoDbConnectionStore(env.dynamo.client(), env.table, env.clock);
            mappings = new DynamoDbMappingStore(env.dynamo.client(), env.table, env.clock);
            ledgers = new DynamoDbLedgerMappingStore(env.dynamo.client(), env.table, env.clock);
            caches = new DynamoDbDivisionCacheStore(env.dynamo.client(), env.table, env.clock);
            connections.save(new ConnectionRecord(TENANT, first.connection().site(), first.connection().exactUser(),
                    env.sandbox.clientId(), divisions, List.of(divisions.get(0)), ConnectionStatus.ACTIVE,
                    SyncMode.LIVE, null, null, 0)).orElseThrow();
            InvoicePostingHandler warm = coldHandler(client);
            for (int division : divisions) {
                ExactTarget target = new ExactTarget(first.connection(), division);
                ledgers.save(TENANT, division, LedgerMapping.dutchStandard(), 0).orElseThrow();
                ExactAccount customer = client.createAccount(target, AccountFields.none().name("Bench klant")
                        .status("C"));
                mappings.createIfAbsent(new MappingKey(TENANT, division, EntityKind.RELATION, "rel-bench"),
                        new MappingChange(customer.id().toString(), customer.code(), null, Map.of()));
                Outcome outcome = warm.process(new AcceptedEvent<>("evt-warm-" + division,
                        InvoicePostingHandler.TYPE, TENANT, List.of(division), null, invoice(env, "warm-" + division)));
                if (!(outcome instanceof Outcome.Done)) {
                    throw new IllegalStateException("warm-up invoice not booked: " + outcome);
                }
            }
            callsBefore = env.exactCalls();
        }

        /** A handler as a fresh function instance has it: its own client and an empty in-memory cache. */
        InvoicePostingHandler coldHandler() {
            return coldHandler(env.newClient());
        }

        private InvoicePostingHandler coldHandler(ExactOnlineClient client) {
            FinanceMasterDataCache cache = new FinanceMasterDataCache(client, caches, env.clock,
                    JsonSettings.standalone());
            return new InvoicePostingHandler(new InvoiceBooking(client, mappings, ledgers, cache,
                    (tenant, entityKey, type, data) -> { }, env.clock), connections);
        }
    }
}
