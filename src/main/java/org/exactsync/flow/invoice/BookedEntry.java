package org.exactsync.flow.invoice;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.model.SalesEntry;

/**
 * A sales entry as Exact holds it: from the POST's answer, or found by its reference after an answer was lost.
 *
 * @param entryId     EntryID
 * @param entryNumber EntryNumber as text
 * @param dueDate     Exact's due date (ISO), or null
 */
record BookedEntry(UUID entryId, String entryNumber, String dueDate) {

    static BookedEntry of(SalesEntry entry) {
        Integer number = entry.entryNumber();
        LocalDate due = entry.dueDate();
        return new BookedEntry(entry.entryId(), number == null ? null : number.toString(),
                due == null ? null : due.toString());
    }

    /**
     * The entry with this {@code YourRef} in the journal for that customer, if an earlier attempt created it
     * (docs/exact-reference.md §8.4: look up before posting again). One GET.
     */
    static Optional<BookedEntry> find(ExactOnline exact, ExactTarget target, String journal, String yourRef,
            UUID customer) {
        return exact.salesEntriesByReference(target, journal, yourRef).stream()
                .filter(entry -> customer.equals(entry.customer()))
                .findFirst()
                .map(BookedEntry::of);
    }
}
