package org.exactsync.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.jboss.logging.Logger;

/**
 * Runs a round's work items in this process, at most {@code concurrency} at once, and returns when all are done: the
 * local run, the tests and the bench (which simulates many tenants with it). A worker that throws is logged and
 * yields no result, as a failed invocation would.
 */
public class InProcessWorkDispatcher implements WorkDispatcher {

    private static final Logger LOG = Logger.getLogger(InProcessWorkDispatcher.class);

    private final int concurrency;

    public InProcessWorkDispatcher(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.concurrency = concurrency;
    }

    @Override
    public <R> Dispatched<R> dispatch(List<WorkItem> items, Function<WorkItem, R> localWorker) {
        if (items.isEmpty()) {
            return new Dispatched<>(List.of(), List.of());
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, items.size()));
        try {
            List<Future<R>> running = new ArrayList<>();
            for (WorkItem item : items) {
                running.add(pool.submit(() -> localWorker.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (int i = 0; i < running.size(); i++) {
                try {
                    results.add(running.get(i).get());
                } catch (ExecutionException failed) {
                    LOG.errorf("work item %s failed: %s", items.get(i).label(),
                            failed.getCause().getClass().getName());
                }
            }
            return new Dispatched<>(List.of(), results.stream().filter(Objects::nonNull).toList());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a round ran", interrupted);
        } finally {
            pool.shutdownNow();
        }
    }
}
