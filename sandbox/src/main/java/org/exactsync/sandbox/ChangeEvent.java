package org.exactsync.sandbox;

import java.time.Instant;

/** A change announced through {@link SandboxContext#publish}, handed to webhook delivery. */
public record ChangeEvent(int division, String topic, Object key, String action, String endpointPath, Instant at) {
}
