package org.exactsync.exact.model;

/** A payment condition of one division; referenced by {@code code} on accounts and entries. */
public record PaymentCondition(String code, String description, Integer paymentDays) {
}
