package org.exactsync.bench.soak;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker process dying between two steps: an {@link Error} that no flow or pipeline code catches, so nothing a
 * handled failure would do (giving a claim's lease up, recording the event's outcome) happens. The event is left
 * IN_PROGRESS under its lease; only the event replayer can finish it.
 */
final class WorkerAbort extends Error {

    WorkerAbort(String where) {
        super("worker aborted " + where, null, false, false);
    }

    /**
     * {@code port} whose calls to {@code methods} die with chance {@code rate}, half of them before the call is made
     * and half right after it returned (the step done, the process gone before the next one).
     */
    static <T> T around(Class<T> type, T port, Set<String> methods, double rate, Random random,
            AtomicInteger aborts) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, a) -> {
            boolean dies;
            boolean after;
            synchronized (random) {
                dies = methods.contains(m.getName()) && random.nextDouble() < rate;
                after = random.nextBoolean();
            }
            if (dies && !after) {
                aborts.incrementAndGet();
                throw new WorkerAbort("before " + type.getSimpleName() + "." + m.getName());
            }
            Object result;
            try {
                result = m.invoke(port, a);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (dies) {
                aborts.incrementAndGet();
                throw new WorkerAbort("after " + type.getSimpleName() + "." + m.getName());
            }
            return result;
        }));
    }
}
