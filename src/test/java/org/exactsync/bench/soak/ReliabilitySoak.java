package org.exactsync.bench.soak;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.ReplayReport;
import org.exactsync.sandbox.faults.FaultRule;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;

/**
 * Issue 8's reliability soak. Workers (separate function instances) deliver the CRM's events, signed, through the real
 * inbound pipeline, in a locally shuffled order with duplicates, while the sandbox injects lost POST answers, 500/502/
 * 504, 429s and a 503 maintenance window, and workers die between steps. The real event replayer runs once per Exact
 * minute meanwhile (the deployed schedule) and afterwards until the backlog is empty; then {@link GroundTruth} counts
 * lost events, duplicate bookings, mismatched totals and broken token chains from the sandbox's data.
 */
public final class ReliabilitySoak {

    /** A stretch of Exact time in which every call answers 503. */
    private static final Duration MAINTENANCE = Duration.ofMinutes(5);
    /** The share of deliveries sent when the maintenance window opens. */
    private static final double MAINTENANCE_AT = 0.4;
    /** The event-replay function's schedule (template: rate(1 minute)). */
    private static final Duration REPLAY_EVERY = Duration.ofMinutes(1);
    /** Replay runs that may overlap (a run takes longer than the minute between two scheduled starts). */
    private static final int REPLAY_OVERLAP = 3;
    /** How soon (real time) the CRM's webhook retries a delivery whose worker died (its gateway answered 502). */
    private static final long CRM_RETRY_NANOS = Duration.ofMillis(200).toNanos();

    private final SoakSettings settings;
    private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final AtomicInteger aborts = new AtomicInteger();
    private final AtomicInteger callbacks = new AtomicInteger();
    private final AtomicInteger crmRetries = new AtomicInteger();
    private final AtomicInteger dispatched = new AtomicInteger();
    private final AtomicInteger replayRounds = new AtomicInteger();
    private final AtomicInteger replayedDone = new AtomicInteger();

    private double stormSeconds;
    private long stormMinutes;

    private ReliabilitySoak(SoakSettings settings) {
        this.settings = settings;
    }

    /** Runs one soak and reports; never throws for what it finds (the caller asserts on the report). */
    public static SoakReport run(SoakSettings settings) throws InterruptedException {
        return new ReliabilitySoak(settings).soak();
    }

    private record Pending(Delivery delivery, long notBefore) {
    }

    private SoakReport soak() throws InterruptedException {
        long wallStart = System.nanoTime();
        try (SoakWorld world = new SoakWorld(settings)) {
            Instant exactStart = world.clock.instant();
            SoakPlan plan = new SoakPlan(settings, world.divisions, exactStart,
                    LocalDate.ofInstant(exactStart, ZoneOffset.UTC));
            arm(world);
            storm(world, plan);
            stormSeconds = (System.nanoTime() - wallStart) / 1e9;
            stormMinutes = Duration.between(exactStart, world.clock.instant()).toMinutes();
            int open = drain(world);
            GroundTruth truth = new GroundTruth(world, plan);
            List<String> findings = new ArrayList<>(unexpected.stream().limit(10).toList());
            if (open > 0) {
                findings.add(open + " events still open after " + settings.maxReplayRounds() + " replay rounds");
            }
            findings.addAll(truth.findings);
            return new SoakReport(settings, rows(world, plan, truth, exactStart, wallStart),
                    world.sandbox.faults().hits(), truth.lost + open, truth.duplicates, truth.mismatched,
                    truth.brokenTokenChains, truth.staleAfterReorder, aborts.get(), replayRounds.get(), findings);
        }
    }

    private void arm(SoakWorld world) {
        double rate = settings.faultRate();
        world.sandbox.inject(FaultRule.dropAfterCommit().on("POST", null).withProbability(rate * 2));
        for (int status : new int[] {500, 502, 504}) {
            world.sandbox.inject(FaultRule.status(status).withProbability(rate / 2));
        }
        world.sandbox.inject(FaultRule.tooManyRequests().withProbability(rate));
    }

    /** All deliveries by the workers while the replay schedule runs; returns when every worker is done. */
    private void storm(SoakWorld world, SoakPlan plan) throws InterruptedException {
        ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
        plan.deliveries.forEach(d -> queue.add(new Pending(d, 0)));
        int maintenanceAt = (int) (plan.deliveries.size() * MAINTENANCE_AT);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicBoolean stormOver = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < settings.workers(); w++) {
            Random random = new Random(settings.seed() * 31 + w);
            Thread worker = new Thread(() -> work(world, queue, inFlight, random, maintenanceAt), "soak-worker-" + w);
            worker.start();
            workers.add(worker);
        }
        // EventBridge starts a run every minute whether or not the last one finished: runs overlap as separate
        // function instances, at most REPLAY_OVERLAP at a time here (each still takes its events one by one).
        Thread schedule = new Thread(() -> {
            java.util.concurrent.Semaphore running = new java.util.concurrent.Semaphore(REPLAY_OVERLAP);
            List<Thread> runs = new ArrayList<>();
            while (!stormOver.get()) {
                Instant next = world.clock.instant().plus(REPLAY_EVERY);
                if (running.tryAcquire()) {
                    Thread run = new Thread(() -> {
                        try {
                            replay(new SoakInstance(world, 0, new Random(settings.seed()), aborts, callbacks));
                        } finally {
                            running.release();
                        }
                    }, "soak-event-replay-" + runs.size());
                    run.start();
                    runs.add(run);
                }
                while (!stormOver.get() && world.clock.instant().isBefore(next)) {
                    pause(5);
                }
            }
            runs.forEach(ReliabilitySoak::join);
        }, "soak-event-replay");
        schedule.start();
        for (Thread worker : workers) {
            worker.join();
        }
        stormOver.set(true);
        schedule.join();
    }

    private void work(SoakWorld world, ConcurrentLinkedQueue<Pending> queue, AtomicInteger inFlight, Random random,
            int maintenanceAt) {
        SoakInstance instance = new SoakInstance(world, settings.abortRate(), random, aborts, callbacks);
        while (true) {
            inFlight.incrementAndGet();
            Pending pending = queue.poll();
            if (pending == null) {
                if (inFlight.decrementAndGet() == 0 && queue.isEmpty()) {
                    return;
                }
                pause(2);
                continue;
            }
            try {
                if (pending.notBefore() > System.nanoTime()) {
                    queue.add(pending);
                    pause(1);
                    continue;
                }
                if (dispatched.incrementAndGet() == maintenanceAt) {
                    Instant now = world.clock.instant();
                    world.sandbox.maintenance(now, now.plus(MAINTENANCE));
                }
                deliver(world, instance, pending.delivery());
            } catch (WorkerAbort aborted) {
                // The process is gone: the next delivery lands on a cold instance. The CRM saw a 502 from the
                // gateway and, half of the time, its webhook retry sends the same event again.
                instance = new SoakInstance(world, settings.abortRate(), random, aborts, callbacks);
                if (random.nextBoolean()) {
                    crmRetries.incrementAndGet();
                    queue.add(new Pending(pending.delivery(), System.nanoTime() + CRM_RETRY_NANOS));
                }
            } catch (RuntimeException e) {
                unexpected.add(pending.delivery().eventId() + " threw " + e);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    private void deliver(SoakWorld world, SoakInstance instance, Delivery delivery) {
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        String signature = CrmSignature.sign(SoakWorld.INBOUND_SECRET, world.clock.instant(), body);
        HttpResponseEvent response = instance.pipeline.handle(new HttpRequestEvent(delivery.route(), null,
                Map.of(CrmSignature.HEADER, signature), delivery.body(), false),
                instance.handlersByRoute.get(delivery.route()));
        answers.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
        boolean expected = delivery.kind() == Delivery.Kind.INVALID ? response.statusCode() == 400
                : response.statusCode() == 200 || response.statusCode() == 202;
        if (!expected) {
            unexpected.add(delivery.eventId() + " (" + delivery.kind() + ") answered " + response.statusCode() + " "
                    + response.body());
        }
    }

    private void replay(SoakInstance replay) {
        ReplayReport report = replay.replayer.replayDue();
        replayRounds.incrementAndGet();
        replayedDone.addAndGet(report.done());
    }

    /**
     * After the storm: the replay schedule keeps running (one run per Exact minute, as many runs in a minute as
     * find due work) until nothing is open or the bound is reached. Returns the events still open.
     */
    private int drain(SoakWorld world) {
        SoakInstance replay = new SoakInstance(world, 0, new Random(settings.seed()), aborts, callbacks);
        for (int round = 0; round < settings.maxReplayRounds(); round++) {
            ReplayReport report = replay.replayer.replayDue();
            replayRounds.incrementAndGet();
            replayedDone.addAndGet(report.done());
            if (open(world) == 0) {
                return 0;
            }
            if (report.resumed() == 0) {
                world.clock.advance(REPLAY_EVERY);
            }
        }
        return open(world);
    }

    private static int open(SoakWorld world) {
        int open = 0;
        for (EventStatus status : List.of(EventStatus.WAITING, EventStatus.ACCEPTED, EventStatus.IN_PROGRESS)) {
            open += world.events.findByStatus(status, 100_000).size();
        }
        open += (int) world.events.findByStatus(EventStatus.FAILED, 100_000).stream()
                .filter(EventRecord::retryable).count();
        return open;
    }

    private Map<String, Object> rows(SoakWorld world, SoakPlan plan, GroundTruth truth, Instant exactStart,
            long wallStart) {
        Map<String, Object> rows = new LinkedHashMap<>();
        Map<Delivery.Kind, Integer> kinds = new TreeMap<>();
        plan.deliveries.forEach(d -> kinds.merge(d.kind(), 1, Integer::sum));
        rows.put("CRM events sent (signed deliveries, incl. retries)", plan.deliveries.size() + crmRetries.get());
        rows.put("distinct CRM objects (relations / projects / invoices)", plan.relations.size() + " / "
                + plan.projects.size() + " / " + plan.invoices.size());
        rows.put("originals", kinds.getOrDefault(Delivery.Kind.ORIGINAL, 0));
        rows.put("duplicates: same event id re-delivered", kinds.getOrDefault(Delivery.Kind.REDELIVERY, 0));
        rows.put("duplicates: same object under a new event id", kinds.getOrDefault(Delivery.Kind.RESEND, 0));
        rows.put("invalid events (400 expected)", kinds.getOrDefault(Delivery.Kind.INVALID, 0));
        rows.put("reordered deliveries (before a dependency or after a newer version)", plan.reordered);
        rows.put("CRM webhook retries after an aborted worker", crmRetries.get());
        rows.put("answers by status", new TreeMap<>(answers).toString());
        rows.put("events finished by the event replayer", replayedDone.get());
        rows.put("Exact calls", world.sandbox.calls().totalCalls(null));
        rows.put("429 answers (all; injected ones are listed below)", world.sandbox.calls().tooManyRequests(null));
        rows.put("access-token refreshes (refresh-token rotations)", truth.tokenRotations);
        rows.put("Exact minutes elapsed", Duration.between(exactStart, world.clock.instant()).toMinutes());
        rows.put("storm: wall s / Exact minutes", String.format("%.1f / %d", stormSeconds, stormMinutes));
        rows.put("wall time (s)", String.format("%.1f", (System.nanoTime() - wallStart) / 1e9));
        rows.put("sum of invoices: CRM / Exact", truth.crmTotal.toPlainString() + " / "
                + truth.exactTotal.toPlainString());
        return rows;
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
