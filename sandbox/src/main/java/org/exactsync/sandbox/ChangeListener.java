package org.exactsync.sandbox;

/**
 * Receives the changes entity sets announce through {@link SandboxContext#publish}, after the write and outside
 * the division lock. An {@link EntitySet} that also implements this interface (e.g. webhook delivery) is registered
 * automatically.
 */
@FunctionalInterface
public interface ChangeListener {

    void onChange(ChangeEvent event);
}
