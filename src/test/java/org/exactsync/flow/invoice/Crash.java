package org.exactsync.flow.invoice;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A process dying between two steps: an {@link Error} no handler code catches, so nothing the flow would do on a
 * failure (giving the claim's lease up) happens. {@link #before} wraps a port so that the first matching call dies.
 */
final class Crash extends Error {

    Crash(String where) {
        super("crash " + where);
    }

    /** {@code port} whose first call to {@code method} matching {@code args} dies before it is made. */
    static <T> T before(Class<T> type, T port, String method, Predicate<Object[]> args) {
        AtomicInteger left = new AtomicInteger(1);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, a) -> {
            if (m.getName().equals(method) && args.test(a) && left.getAndDecrement() > 0) {
                throw new Crash("before " + method);
            }
            try {
                return m.invoke(port, a);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
