package org.exactsync.flow.invoice;

import org.exactsync.store.MappingRecord;

/** What claiming an invoice's booking found. */
sealed interface Claim {

    /** This worker made the claim: nothing can have been posted for the invoice, so it posts at once. */
    record Fresh(MappingRecord record) implements Claim {
    }

    /**
     * This worker took over an earlier claim whose lease ended: an earlier attempt may have posted without getting
     * the answer, so the entry is looked up before anything is posted.
     */
    record TakenOver(MappingRecord record) implements Claim {
    }

    /** The invoice is booked already. */
    record Booked(MappingRecord record) implements Claim {
    }

    /** Another worker holds the claim now; wait and try again later. */
    record Busy(MappingRecord record) implements Claim {
    }
}
