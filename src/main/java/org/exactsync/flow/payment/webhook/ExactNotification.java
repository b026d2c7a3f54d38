package org.exactsync.flow.payment.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The verified {@code Content} of an Exact webhook (docs/exact-reference.md §6.3): a notification only, the data must be
 * read from Exact.
 *
 * @param topic    entity collection, e.g. {@code FinancialTransactions}
 * @param division the division, a number
 * @param action   {@code Create}/{@code Update}/{@code Delete} (only {@code Update} is confirmed)
 * @param key      GUID of the changed record
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection
public record ExactNotification(@JsonProperty("Topic") String topic, @JsonProperty("Division") Integer division,
        @JsonProperty("Action") String action, @JsonProperty("Key") String key) {
}
