package org.exactsync.crm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The part of an EventBridge scheduled event a scheduled CRM function reads (nothing it depends on). */
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection
public record ScheduleTick(String id, String time) {
}
