package org.exactsync.bench.lambda;

import java.util.List;
import java.util.function.Function;

import org.exactsync.crm.ScheduleTick;
import org.exactsync.schedule.WorkDispatcher;
import org.exactsync.schedule.WorkItem;

/**
 * The emulation's {@code LambdaWorkDispatcher}: each work item becomes an asynchronous invocation of the same emulated
 * function with the item as its input, so it counts against that function's concurrency, may cold-start, is killed at
 * its Timeout and is retried twice after a failure, as in AWS. Nothing runs in the planner's invocation; it returns
 * at once with no results, as the planner in AWS does.
 */
final class EmulatedWorkDispatcher implements WorkDispatcher {

    private volatile EmulatedFunction<ScheduleTick, ?> function;

    /** The function whose instances use this dispatcher (set once it exists: its instances need the dispatcher). */
    void invoking(EmulatedFunction<ScheduleTick, ?> target) {
        this.function = target;
    }

    @Override
    public <R> Dispatched<R> dispatch(List<WorkItem> items, Function<WorkItem, R> localWorker) {
        EmulatedFunction<ScheduleTick, ?> target = function;
        if (target == null) {
            throw new IllegalStateException("this function has no fan-out in the emulation");
        }
        for (WorkItem item : items) {
            target.invokeAsync(new ScheduleTick("work-" + item.round() + "-" + item.label(), null, item.round(),
                    item.tenant(), item.division()));
        }
        return new Dispatched<>(List.of(), List.of());
    }
}
