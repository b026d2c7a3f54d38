package org.exactsync.sandbox.finance;

import java.util.UUID;

/**
 * A journal from {@code financial/Journals}: entries name it by code; type 20 sales, 22 purchase, 12 bank.
 * {@code glAccount} is the journal's own account (for a sales journal its receivables account), or null.
 */
record JournalRef(String code, String description, int type, UUID glAccount) {
}
