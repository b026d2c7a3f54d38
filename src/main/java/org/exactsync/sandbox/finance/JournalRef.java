package org.exactsync.sandbox.finance;

/** A journal from {@code financial/Journals}: entries name it by code; type 20 sales, 22 purchase, 12 bank. */
record JournalRef(String code, String description, int type) {
}
