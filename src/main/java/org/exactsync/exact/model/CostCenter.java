package org.exactsync.exact.model;

import java.time.LocalDate;
import java.util.UUID;

/** A cost center of one division; entry lines reference it by {@code code}. {@code endDate} null = open-ended. */
public record CostCenter(UUID id, String code, String description, LocalDate endDate) {
}
