package org.exactsync.sandbox.finance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.exactsync.sandbox.ChangeEvent;
import org.exactsync.sandbox.SandboxContext;
import org.exactsync.time.AdjustableClock;

/** A sandbox context for unit tests: a frozen clock and a list of everything published. */
final class RecordingContext implements SandboxContext {

    final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:00:00Z"));
    final List<ChangeEvent> published = new CopyOnWriteArrayList<>();
    private final Consumer<ChangeEvent> listener;

    RecordingContext() {
        this(event -> {
        });
    }

    RecordingContext(Consumer<ChangeEvent> listener) {
        this.listener = listener;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void publish(int division, String topic, Object key, String action) {
        ChangeEvent event = new ChangeEvent(division, topic, key, action, null, clock.instant());
        published.add(event);
        listener.accept(event);
    }
}
