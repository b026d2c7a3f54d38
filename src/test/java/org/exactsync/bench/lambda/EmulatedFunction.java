package org.exactsync.bench.lambda;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.exactsync.time.Deadline;
import org.exactsync.time.InvocationDeadline;

/**
 * One function of the template as Lambda runs it, in this JVM: each execution environment ("instance") is a thread
 * with its own wiring (clients, caches) built by {@code factory} at its cold start, after the configured init time;
 * one invocation at a time per instance; at most {@code limit} instances busy at once (more is a throttle); each
 * invocation runs inside {@link InvocationDeadline#within} with the deadline Lambda would give it (its Timeout from
 * the start of the invoke phase, and API Gateway's 29 s from the request's arrival for an HTTP route), and is killed
 * when its Timeout passes: the instance is frozen ({@link InstanceGuard}), its thread interrupted and the instance
 * discarded, so the next invocation pays a cold start, as after a timeout in AWS. Asynchronous invocations (the
 * schedules) wait for a free instance instead of failing, and a killed or failed one is retried twice, one and two
 * minutes later, as Lambda retries asynchronous invocations.
 */
final class EmulatedFunction<I, O> implements AutoCloseable {

    /** How often (real time) the watchdog looks for invocations past their Timeout. */
    private static final long WATCH_MILLIS = 2;
    private static final Duration[] ASYNC_RETRY_DELAYS = {Duration.ofMinutes(1), Duration.ofMinutes(2)};

    private final FunctionSpec spec;
    private final int limit;
    private final Duration initTime;
    private final ShiftingClock clock;
    private final InvocationDeadline deadlines;
    private final Function<InstanceGuard, Function<I, O>> factory;
    private final Supplier<InstanceGuard> guards;
    private final Deque<Instance> idle = new ArrayDeque<>();
    private final Map<Running, Boolean> running = new ConcurrentHashMap<>();
    private final ExecutorService asyncCallers;
    private final Thread watchdog;
    private volatile boolean closed;
    private int busy;
    private int instancesMade;

    final AtomicInteger invocations = new AtomicInteger();
    final AtomicInteger coldStarts = new AtomicInteger();
    final AtomicInteger killed = new AtomicInteger();
    final AtomicInteger throttled = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    final AtomicInteger asyncRetries = new AtomicInteger();
    final AtomicInteger peakConcurrency = new AtomicInteger();

    /**
     * @param limit    the function's concurrency (reserved concurrency, or what the account leaves it)
     * @param initTime an instance's init phase (JVM start and Quarkus boot) before its first invocation
     * @param guards   a new guard for each new instance
     * @param factory  the function's handler as one instance wires it, given that instance's guard
     */
    EmulatedFunction(FunctionSpec spec, int limit, Duration initTime, ShiftingClock clock,
            InvocationDeadline deadlines, Supplier<InstanceGuard> guards,
            Function<InstanceGuard, Function<I, O>> factory) {
        this.spec = spec;
        this.limit = limit;
        this.initTime = initTime;
        this.clock = clock;
        this.deadlines = deadlines;
        this.guards = guards;
        this.factory = factory;
        this.asyncCallers = Executors.newCachedThreadPool(daemon("async"));
        this.watchdog = new Thread(this::watch, "lambda-" + spec.export() + "-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    FunctionSpec spec() {
        return spec;
    }

    /** Instances running an invocation now. */
    synchronized int busy() {
        return busy;
    }

    /** An HTTP route's invocation: the caller has API Gateway's answer (or its 504) when this returns. */
    InvocationResult<O> invokeSync(I input) {
        Instant arrival = clock.instant();
        Running run = start(input, arrival);
        if (run == null) {
            throttled.incrementAndGet();
            return new InvocationResult<>(InvocationResult.Outcome.THROTTLED, null, arrival, clock.instant(), false);
        }
        Instant gatewayGivesUp = arrival.plus(FunctionSpec.API_GATEWAY_LIMIT);
        while (true) {
            try {
                return run.result.get(WATCH_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                if (spec.http() && !clock.instant().isBefore(gatewayGivesUp)) {
                    return new InvocationResult<>(InvocationResult.Outcome.GATEWAY_TIMEOUT, null, arrival,
                            clock.instant(), run.cold);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * An asynchronous invocation (EventBridge Scheduler): queued until an instance is free, retried twice after a
     * kill or an error. The future completes with the last attempt's result.
     */
    CompletableFuture<InvocationResult<O>> invokeAsync(I input) {
        return invokeAsync(input, ASYNC_RETRY_DELAYS.length);
    }

    /** Like {@link #invokeAsync(Object)} with at most {@code retries} retries (a measured round takes none). */
    CompletableFuture<InvocationResult<O>> invokeAsync(I input, int retries) {
        return CompletableFuture.supplyAsync(() -> {
            InvocationResult<O> last = null;
            for (int attempt = 0; attempt <= retries; attempt++) {
                if (attempt > 0) {
                    asyncRetries.incrementAndGet();
                    sleep(ASYNC_RETRY_DELAYS[attempt - 1]);
                }
                Instant arrival = clock.instant();
                Running run;
                while ((run = start(input, arrival)) == null) {
                    if (closed) {
                        return new InvocationResult<>(InvocationResult.Outcome.THROTTLED, null, arrival,
                                clock.instant(), false);
                    }
                    sleep(Duration.ofMillis(100));
                }
                last = run.result.join();
                if (last.outcome() == InvocationResult.Outcome.ANSWERED || closed) {
                    return last;
                }
            }
            return last;
        }, asyncCallers);
    }

    private final class Instance {
        final InstanceGuard guard = guards.get();
        final ExecutorService thread;
        Function<I, O> handler;

        Instance(int number) {
            thread = Executors.newSingleThreadExecutor(daemon(String.valueOf(number)));
        }
    }

    private final class Running {
        final Instance instance;
        final boolean cold;
        final CompletableFuture<InvocationResult<O>> result = new CompletableFuture<>();
        /** Set by whichever comes first, the function's return or the kill; only that one does the bookkeeping. */
        final java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();
        final Instant arrival;
        volatile Instant killAt;
        volatile Thread worker;

        Running(Instance instance, boolean cold, Instant arrival) {
            this.instance = instance;
            this.cold = cold;
            this.arrival = arrival;
        }
    }

    private Running start(I input, Instant arrival) {
        Instance instance;
        boolean cold;
        synchronized (this) {
            if (closed) {
                return null;
            }
            instance = idle.pollFirst();
            cold = instance == null;
            if (cold) {
                if (busy >= limit) {
                    return null;
                }
                instance = new Instance(++instancesMade);
                coldStarts.incrementAndGet();
            }
            busy++;
            peakConcurrency.accumulateAndGet(busy, Math::max);
        }
        invocations.incrementAndGet();
        Running run = new Running(instance, cold, arrival);
        instance.thread.execute(() -> run(run, input));
        return run;
    }

    private void run(Running run, I input) {
        run.worker = Thread.currentThread();
        Instance instance = run.instance;
        try {
            if (instance.handler == null) {
                // The init phase: Lambda's own limit on it (10 s) is not reached here.
                clock.sleeper().sleep(initTime);
                instance.handler = factory.apply(instance.guard);
            }
            Instant started = clock.instant();
            Instant killAt = started.plus(spec.timeout());
            run.killAt = killAt;
            running.put(run, Boolean.TRUE);
            Instant until = spec.http() ? min(killAt, run.arrival.plus(FunctionSpec.API_GATEWAY_LIMIT)) : killAt;
            O answer = deadlines.within(new Deadline(until), () -> instance.handler.apply(input));
            finish(run, InvocationResult.Outcome.ANSWERED, answer);
        } catch (InstanceGuard.Frozen | InterruptedException afterKill) {
            finish(run, InvocationResult.Outcome.KILLED, null);
        } catch (RuntimeException | Error failed) {
            if (instance.guard.frozen()) {
                finish(run, InvocationResult.Outcome.KILLED, null);
            } else {
                errors.incrementAndGet();
                finish(run, InvocationResult.Outcome.ERROR, null);
            }
        } finally {
            running.remove(run);
        }
    }

    /** The first of the function's return and the watchdog's kill decides; a killed instance is never reused. */
    private void finish(Running run, InvocationResult.Outcome outcome, O answer) {
        if (run.instance.guard.frozen() || !run.settled.compareAndSet(false, true)) {
            return;
        }
        // Back in the pool before the caller has the answer, so that its next request finds this instance warm.
        synchronized (this) {
            busy--;
            idle.addFirst(run.instance);
        }
        run.result.complete(new InvocationResult<>(outcome, answer, run.arrival, clock.instant(), run.cold));
    }

    private void kill(Running run) {
        if (!run.settled.compareAndSet(false, true)) {
            return;
        }
        run.instance.guard.freeze();
        killed.incrementAndGet();
        synchronized (this) {
            busy--;
        }
        run.result.complete(new InvocationResult<>(InvocationResult.Outcome.KILLED, null, run.arrival,
                clock.instant(), run.cold));
        Thread worker = run.worker;
        if (worker != null) {
            worker.interrupt();
        }
        run.instance.thread.shutdown();
    }

    private void watch() {
        while (!closed) {
            Instant now = clock.instant();
            for (Running run : running.keySet()) {
                if (run.killAt != null && !now.isBefore(run.killAt) && !run.result.isDone()) {
                    kill(run);
                }
            }
            try {
                Thread.sleep(WATCH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            clock.sleeper().sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private java.util.concurrent.ThreadFactory daemon(String suffix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "lambda-" + spec.export() + "-" + suffix + "-"
                    + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            idle.forEach(i -> i.thread.shutdownNow());
            idle.clear();
        }
        for (Running run : running.keySet()) {
            run.instance.guard.freeze();
            run.instance.thread.shutdownNow();
        }
        asyncCallers.shutdownNow();
        watchdog.interrupt();
    }
}
