package org.exactsync.flow.keepalive;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of an EventBridge scheduled event the connector reads (nothing it depends on). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduledTick(String id, String time) {
}
