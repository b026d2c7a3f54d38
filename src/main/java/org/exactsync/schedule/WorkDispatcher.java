package org.exactsync.schedule;

import java.util.List;
import java.util.function.Function;

/**
 * Port that hands a round's work items to workers. In AWS each item is an asynchronous invocation of the running
 * function (the same code and version, the item as its input), bounded by the function's reserved concurrency; in
 * the local run, tests and the bench, {@code localWorker} runs each item in process on a bounded pool.
 */
public interface WorkDispatcher {

    /**
     * Hands out every item.
     *
     * @param localWorker what an in-process worker runs for one item (AWS workers run it in their own invocation)
     * @return the items that could not be handed out, and the in-process workers' results (none in AWS)
     */
    <R> Dispatched<R> dispatch(List<WorkItem> items, Function<WorkItem, R> localWorker);

    /**
     * What a dispatch did.
     *
     * @param refused items no worker got (they count as finished for the round)
     * @param results results of in-process workers, in item order; empty when the workers run elsewhere
     */
    record Dispatched<R>(List<WorkItem> refused, List<R> results) {

        public Dispatched {
            refused = List.copyOf(refused);
            results = List.copyOf(results);
        }
    }
}
