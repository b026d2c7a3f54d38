package org.exactsync.exact.model;

import java.util.UUID;

/**
 * A general-ledger account of one division. Entry lines reference it by {@code id}; the CRM maps by {@code code}.
 * {@code type}: 20 receivable, 22 payable, 24 VAT (never valid on a revenue line), 110 revenue, …;
 * {@code useCostcenter}: 0 optional, 1 mandatory, 2 not allowed.
 */
public record GlAccount(UUID id, String code, String description, int type, String balanceType,
        Integer useCostcenter, boolean blocked) {
}
