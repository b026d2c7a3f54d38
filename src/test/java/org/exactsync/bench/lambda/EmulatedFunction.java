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
 * schedules, and the work items a round fans out to the same function) wait in a queue for a free instance instead
 * of failing, and a killed or failed one is retried twice, one and two minutes later, as Lambda retries asynchronous
 * invocations.
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
    /** Asynchronous invocations waiting for an instance, and those waiting for their retry time. */
    private final Deque<AsyncCall> queued = new ArrayDeque<>();
    private final java.util.List<AsyncCall> retrying = new java.util.ArrayList<>();
    private int outstanding;
    private volatile Instant lastEnded;
    private volatile java.util.function.Consumer<InvocationResult<O>> observer = result -> { };
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
     * An asynchronous invocation (EventBridge Scheduler, or a fanned-out round's work item): queued until an instance
     * is free under the concurrency limit, retried twice after a kill or an error. The future completes with the
     * last attempt's result.
     */
    CompletableFuture<InvocationResult<O>> invokeAsync(I input) {
        return invokeAsync(input, ASYNC_RETRY_DELAYS.length);
    }

    /** Like {@link #invokeAsync(Object)} with at most {@code retries} retries (a measured round takes none). */
    CompletableFuture<InvocationResult<O>> invokeAsync(I input, int retries) {
        AsyncCall call = new AsyncCall(input, Math.min(retries, ASYNC_RETRY_DELAYS.length));
        synchronized (this) {
            if (closed) {
                Instant now = clock.instant();
                call.done.complete(new InvocationResult<>(InvocationResult.Outcome.THROTTLED, null, now, now, false));
                return call.done;
            }
            outstanding++;
            queued.addLast(call);
        }
        pump();
        return call.done;
    }

    /** Every invocation's result as it ends (each attempt of an asynchronous one), e.g. to add up its reports. */
    void observe(java.util.function.Consumer<InvocationResult<O>> observer) {
        this.observer = observer;
    }

    /** Waits until no asynchronous invocation is queued, running or waiting for a retry. */
    void awaitAsyncDone() throws InterruptedException {
        synchronized (this) {
            while (outstanding > 0 && !closed) {
                wait(50);
            }
        }
    }

    /** When the last invocation ended (its caller had the answer, or the kill), or null before any did. */
    Instant lastEnded() {
        return lastEnded;
    }

    /** One asynchronous event in Lambda's queue, with the retries it has left. */
    private final class AsyncCall {
        final I input;
        final CompletableFuture<InvocationResult<O>> done = new CompletableFuture<>();
        int retriesLeft;
        int attempts;
        Instant due;

        AsyncCall(I input, int retries) {
            this.input = input;
            this.retriesLeft = retries;
        }
    }

    /** Starts queued asynchronous invocations while instances are free (FIFO, as Lambda's queue roughly is). */
    private void pump() {
        while (true) {
            AsyncCall call;
            Running run;
            synchronized (this) {
                if (closed || queued.isEmpty() || idle.isEmpty() && busy >= limit) {
                    return;
                }
                call = queued.pollFirst();
                call.attempts++;
                run = start(call.input, clock.instant());
            }
            AsyncCall started = call;
            run.result.whenComplete((result, failure) -> asyncEnded(started, result));
        }
    }

    private void asyncEnded(AsyncCall call, InvocationResult<O> result) {
        boolean again = result.outcome() != InvocationResult.Outcome.ANSWERED && call.retriesLeft > 0;
        synchronized (this) {
            if (again && !closed) {
                call.retriesLeft--;
                asyncRetries.incrementAndGet();
                call.due = clock.instant().plus(ASYNC_RETRY_DELAYS[call.attempts - 1]);
                retrying.add(call);
            } else {
                outstanding--;
                notifyAll();
            }
        }
        if (!again || closed) {
            call.done.complete(result);
        }
        pump();
    }

    /** Moves asynchronous invocations whose retry time has come back into the queue. */
    private void retryDue() {
        boolean any = false;
        synchronized (this) {
            Instant now = clock.instant();
            for (var it = retrying.iterator(); it.hasNext();) {
                AsyncCall call = it.next();
                if (!now.isBefore(call.due)) {
                    it.remove();
                    queued.addLast(call);
                    any = true;
                }
            }
        }
        if (any) {
            pump();
        }
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
        ended(run, new InvocationResult<>(outcome, answer, run.arrival, clock.instant(), run.cold));
    }

    private void ended(Running run, InvocationResult<O> result) {
        lastEnded = result.ended();
        observer.accept(result);
        run.result.complete(result);
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
        ended(run, new InvocationResult<>(InvocationResult.Outcome.KILLED, null, run.arrival, clock.instant(),
                run.cold));
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
            retryDue();
            try {
                Thread.sleep(WATCH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
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
        synchronized (this) {
            queued.forEach(call -> call.done.cancel(false));
            retrying.forEach(call -> call.done.cancel(false));
            queued.clear();
            retrying.clear();
            notifyAll();
        }
        watchdog.interrupt();
    }
}
