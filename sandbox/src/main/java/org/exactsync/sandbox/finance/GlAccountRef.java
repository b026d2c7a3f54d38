package org.exactsync.sandbox.finance;

import java.util.UUID;

/**
 * A {@code financial/GLAccounts} row: {@code type} 20 AR, 22 AP, 24 VAT, 10/12 cash/bank; {@code useCostcenter}
 * 0 optional, 1 mandatory, 2 not allowed.
 */
record GlAccountRef(UUID id, String code, String description, int type, boolean blocked, int useCostcenter,
        String vatCode) {

    static final int CASH = 10;
    static final int BANK = 12;
    static final int RECEIVABLE = 20;
    static final int PAYABLE = 22;
    static final int VAT = 24;

    /** Control accounts Exact rejects on an entry line ("is of a wrong type"). */
    boolean isControlAccount() {
        return type == RECEIVABLE || type == PAYABLE || type == VAT;
    }

    String typeLabel() {
        return switch (type) {
            case RECEIVABLE -> "20 - Accounts receivable";
            case PAYABLE -> "22 - Accounts payable";
            case VAT -> "24 - VAT";
            default -> type + "";
        };
    }
}
