package org.exactsync.sandbox.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.ExactFault;
import org.exactsync.sandbox.SandboxContext;

/**
 * Re-books an entry whose lines changed through the line endpoint: the whole entry is validated again as Exact
 * does (a closed period or a wrong GL now fails), its transaction lines are replaced (the old ones are logged in
 * {@code sync/Deleted}), and its payment term keeps its id, HID and what was already paid.
 */
final class EntryRebooker {

    private final EntryValidator validator;
    private final EntryBooker booker;
    private final PaymentTermSigns signs;

    EntryRebooker(EntryValidator validator, EntryBooker booker, PaymentTermSigns signs) {
        this.validator = validator;
        this.booker = booker;
        this.signs = signs;
    }

    /** Books {@code rawLines} (stored lines keep their "ID") as the entry's new lines; returns the new header. */
    Map<String, Object> rebook(DivisionData division, EntryKind kind, UUID entryId,
            List<Map<String, Object>> rawLines, SandboxContext context) {
        Map<String, Object> header = division.table(kind.path, "EntryID").get(entryId)
                .orElseThrow(ExactFault::notFound);
        Map<String, Object> body = new HashMap<>();
        for (String field : List.of("Journal", kind.relationField, "EntryDate", "DueDate", "YourRef", "Description",
                "PaymentReference", "PaymentCondition", "Currency", "ReportingYear", "ReportingPeriod",
                "EntryNumber")) {
            body.put(field, header.get(field));
        }
        if (Integer.valueOf(kind.creditType).equals(header.get("Type"))) {
            body.put("Type", kind.creditType);
        }
        body.put(kind.linesField, rawLines);

        division.table(kind.path, "EntryID").remove(entryId);
        ValidatedEntry entry;
        try {
            entry = validator.validateNew(division, kind, body, context.clock());
        } catch (RuntimeException rejected) {
            division.table(kind.path, "EntryID").put(header);
            throw rejected;
        }

        Instant now = context.clock().instant();
        Map<String, Object> oldTerm = FinanceTables.paymentTerms(division)
                .where(r -> entryId.equals(r.get("TransactionEntryID"))).stream().findFirst().orElse(null);
        for (Map<String, Object> line : FinanceTables.transactionLines(division)
                .where(r -> entryId.equals(r.get("EntryID")))) {
            FinanceTables.transactionLines(division).remove(line.get("ID"));
            DeletedLog.record(division, DeletedLog.TRANSACTION_LINES, (UUID) line.get("ID"), now);
        }
        if (oldTerm != null) {
            FinanceTables.paymentTerms(division).remove(oldTerm.get("ID"));
        }

        Map<String, Object> booked = booker.book(division, entry, entryId, now);
        booked.put("Created", header.get("Created"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) booked.get(kind.linesField);
        for (int i = 0; i < lines.size(); i++) {
            Object storedId = rawLines.get(i).get("ID");
            if (storedId != null) {
                lines.get(i).put("ID", storedId);
            }
        }
        if (oldTerm != null) {
            carryPayments(division, entryId, oldTerm);
        }
        FinancePublisher.entryChanged(context, division, kind, entryId, "Update");
        return booked;
    }

    private void carryPayments(DivisionData division, UUID entryId, Map<String, Object> oldTerm) {
        Map<String, Object> term = FinanceTables.paymentTerms(division)
                .where(r -> entryId.equals(r.get("TransactionEntryID"))).get(0);
        int lineType = (Integer) term.get("LineType");
        BigDecimal oldTotal = (BigDecimal) oldTerm.get("TransactionAmountDC");
        BigDecimal paid = oldTotal.subtract(signs.owed(lineType, (BigDecimal) oldTerm.get("AmountDC")));
        BigDecimal remaining = ((BigDecimal) term.get("TransactionAmountDC")).subtract(paid);
        FinanceTables.paymentTerms(division).remove(term.get("ID"));
        term.put("ID", oldTerm.get("ID"));
        term.put("HID", oldTerm.get("HID"));
        term.put("Created", oldTerm.get("Created"));
        term.put("LastPaymentDate", oldTerm.get("LastPaymentDate"));
        term.put("AmountDC", signs.amountDC(lineType, remaining));
        term.put("AmountFC", signs.amountDC(lineType, remaining));
        term.put("IsFullyPaid", remaining.signum() == 0);
        term.put("Status", remaining.signum() == 0 ? 50 : 20);
        FinanceTables.paymentTerms(division).put(term);
    }
}
