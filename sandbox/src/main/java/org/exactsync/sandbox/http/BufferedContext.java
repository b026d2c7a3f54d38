package org.exactsync.sandbox.http;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.exactsync.sandbox.ChangeEvent;
import org.exactsync.sandbox.SandboxContext;

/**
 * The {@link SandboxContext} of one write: it collects published changes while the division lock is held so they
 * can be delivered after the lock is released.
 */
public final class BufferedContext implements SandboxContext {

    private final Clock clock;
    private final String endpointPath;
    private final List<ChangeEvent> events = new ArrayList<>();

    public BufferedContext(Clock clock, String endpointPath) {
        this.clock = clock;
        this.endpointPath = endpointPath;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void publish(int division, String topic, Object key, String action) {
        events.add(new ChangeEvent(division, topic, key, action, endpointPath, clock.instant()));
    }

    /** The changes published so far, in order. */
    public List<ChangeEvent> events() {
        return List.copyOf(events);
    }
}
