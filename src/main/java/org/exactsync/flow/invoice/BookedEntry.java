package org.exactsync.flow.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.odata.ExactRow;
import org.exactsync.exact.odata.OData;
import org.exactsync.exact.odata.ODataQuery;

/**
 * A sales entry as Exact holds it: from the POST's answer, or found by its reference after an answer was lost.
 *
 * @param entryId     EntryID
 * @param entryNumber EntryNumber as text
 * @param dueDate     Exact's due date (ISO), or null
 */
record BookedEntry(UUID entryId, String entryNumber, String dueDate) {

    static BookedEntry of(ExactRow row) {
        Integer number = row.integer("EntryNumber");
        LocalDate due = row.localDate("DueDate");
        return new BookedEntry(row.uuid("EntryID"), number == null ? null : number.toString(),
                due == null ? null : due.toString());
    }

    /**
     * The entry with this {@code YourRef} in the journal for that customer, if an earlier attempt created it
     * (exact-online-api.md §8.4: look up before posting again). One GET.
     */
    static Optional<BookedEntry> find(ExactOnline exact, ExactTarget target, String journal, String yourRef,
            UUID customer) {
        String filter = OData.eq("YourRef", OData.string(yourRef)) + " and " + OData.eq("Journal", OData.string(journal));
        try (Stream<ExactRow> rows = exact.query(target, SalesEntryRequest.PATH,
                ODataQuery.select("EntryID", "EntryNumber", "DueDate", "Customer").filter(filter))) {
            List<ExactRow> hits = rows.filter(r -> customer.equals(r.uuid("Customer"))).toList();
            return hits.stream().findFirst().map(BookedEntry::of);
        }
    }
}
