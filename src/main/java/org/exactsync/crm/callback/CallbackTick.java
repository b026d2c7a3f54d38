package org.exactsync.crm.callback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The part of an EventBridge scheduled event the dispatch function reads (nothing it depends on). */
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection
public record CallbackTick(String id, String time) {
}
