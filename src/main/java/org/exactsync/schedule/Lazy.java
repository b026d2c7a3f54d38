package org.exactsync.schedule;

import java.util.function.Supplier;

/** A value made on first use, once, also when first used from several threads. */
final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> make;
    private T value;

    Lazy(Supplier<T> make) {
        this.make = make;
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = make.get();
        }
        return value;
    }
}
