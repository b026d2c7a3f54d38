package org.exactsync.sandbox.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.ExactFault;
import org.exactsync.sandbox.SandboxContext;

/**
 * PUT and DELETE of a booked entry. A header PUT re-dates or re-labels the entry and carries the change to its
 * transaction lines and payment term (each with a new rowversion, so sync readers see it); a header PUT that carries
 * the line collection is refused with 400 and changes nothing (§1.7). {@code Reversal} (writable on PUT, "amounts are reversed",
 * §5.4) set to true reverses the entry's amounts: header, lines, transaction lines and the payment term, whose
 * {@code TransactionIsReversal} becomes true (docs/sandbox-finance.md). DELETE removes the entry with everything it booked and logs
 * the transaction lines (EntityType 1) and the payment term (EntityType 10) in {@code sync/Deleted}.
 */
final class EntryChanges {

    private final EntryValidator validator;
    private final ExactMessages messages;

    EntryChanges(EntryValidator validator, ExactMessages messages) {
        this.validator = validator;
        this.messages = messages;
    }

    void update(DivisionData division, EntryKind kind, Object key, Map<String, Object> body,
            SandboxContext context) {
        UUID entryId = BodyValues.guid(key);
        Map<String, Object> entry = division.table(kind.path, "EntryID").get(entryId)
                .orElseThrow(ExactFault::notFound);
        if (body.containsKey(kind.linesField)) {
            // Exact adds lines through the line endpoint only and refuses them in a header PUT (§1.7, §8.3).
            throw ExactFault.badRequest(messages.linesOnHeaderPut(kind));
        }
        Instant now = context.clock().instant();
        String journalCode = (String) entry.get("Journal");
        JournalRef journal = MasterData.journal(division, journalCode)
                .orElse(new JournalRef(journalCode, (String) entry.get("JournalDescription"), kind.journalType,
                        null));

        int oldYear = (Integer) entry.get("ReportingYear");
        LocalDate entryDate = body.containsKey("EntryDate") ? BodyValues.date(body, "EntryDate")
                : BodyValues.date(entry.get("EntryDate"), "EntryDate");
        boolean periodTouched = body.containsKey("EntryDate") || body.containsKey("ReportingYear")
                || body.containsKey("ReportingPeriod");
        PeriodRef period = null;
        if (periodTouched) {
            Map<String, Object> periodFields = new HashMap<>();
            periodFields.put("ReportingYear", body.getOrDefault("ReportingYear",
                    body.containsKey("EntryDate") ? null : entry.get("ReportingYear")));
            periodFields.put("ReportingPeriod", body.getOrDefault("ReportingPeriod",
                    body.containsKey("EntryDate") ? null : entry.get("ReportingPeriod")));
            PeriodRef candidate = MasterData.period(division, entryDate).orElse(null);
            if (BodyValues.integer(periodFields, "ReportingYear") != null
                    && BodyValues.integer(periodFields, "ReportingPeriod") != null) {
                candidate = MasterData.period(division, BodyValues.integer(periodFields, "ReportingYear"),
                        BodyValues.integer(periodFields, "ReportingPeriod")).orElse(null);
            }
            if (candidate != null && candidate.year() != oldYear) {
                // Exact answers this one with HTTP 500 (picqer #515): delete and re-create instead.
                throw ExactFault.businessError500(messages.financialYearCannotChange());
            }
            period = validator.period(division, journal, periodFields, entryDate);
        }

        RelationRef relation = null;
        if (body.containsKey(kind.relationField)) {
            relation = validator.relation(division, kind, body.get(kind.relationField));
        }
        Integer entryNumber = BodyValues.integer(body, "EntryNumber");
        if (entryNumber != null && !entryNumber.equals(entry.get("EntryNumber"))
                && EntryValidator.entryNumberTaken(division, kind, journalCode, entryNumber, entryId)) {
            throw ExactFault.badRequest(messages.entryNumberExists(entryNumber, journalCode));
        }

        Map<String, Object> common = new HashMap<>();
        if (periodTouched) {
            common.put("Date", BodyValues.midnight(entryDate));
            common.put("FinancialYear", period.year());
            common.put("FinancialPeriod", period.period());
            entry.put("EntryDate", BodyValues.midnight(entryDate));
            entry.put("ReportingYear", period.year());
            entry.put("ReportingPeriod", period.period());
        }
        if (relation != null) {
            entry.put(kind.relationField, relation.id());
            entry.put(kind.relationNameField, relation.name());
            common.put("Account", relation.id());
            common.put("AccountCode", relation.code());
            common.put("AccountName", relation.name());
        }
        if (entryNumber != null) {
            entry.put("EntryNumber", entryNumber);
            entry.put("InvoiceNumber", entryNumber);
            common.put("EntryNumber", entryNumber);
            common.put("InvoiceNumber", entryNumber);
        }
        for (String field : List.of("YourRef", "Description", "PaymentReference")) {
            if (body.containsKey(field)) {
                entry.put(field, BodyValues.string(body, field));
                common.put(field, BodyValues.string(body, field));
            }
        }
        Instant dueDate = null;
        if (body.containsKey("DueDate")) {
            dueDate = BodyValues.midnight(BodyValues.date(body, "DueDate"));
            entry.put("DueDate", dueDate);
        }
        entry.put("Modified", now);
        boolean reverse = Boolean.TRUE.equals(body.get("Reversal")) && !Boolean.TRUE.equals(entry.get("Reversal"));
        if (reverse) {
            entry.put("Reversal", true);
            negate(entry, "AmountFC", "AmountDC", "VATAmountFC", "VATAmountDC");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) entry.get(kind.linesField);
            for (Map<String, Object> line : lines) {
                negate(line, "AmountFC", "AmountDC", "VATAmountFC", "VATAmountDC", "VATBaseAmountFC",
                        "VATBaseAmountDC");
            }
        }

        for (Map<String, Object> line : FinanceTables.transactionLines(division)
                .where(r -> entryId.equals(r.get("EntryID")))) {
            line.putAll(common);
            if (dueDate != null && Integer.valueOf(0).equals(line.get("LineNumber"))) {
                line.put("DueDate", dueDate);
            }
            if (reverse) {
                negate(line, "AmountDC", "AmountFC", "AmountVATBaseFC", "AmountVATFC");
            }
            line.put("Modified", now);
            line.put("Timestamp", division.nextTimestamp());
        }
        for (Map<String, Object> term : FinanceTables.paymentTerms(division)
                .where(r -> entryId.equals(r.get("TransactionEntryID")))) {
            for (String field : List.of("Account", "AccountCode", "AccountName", "EntryNumber", "InvoiceNumber",
                    "YourRef", "Description", "PaymentReference")) {
                if (common.containsKey(field)) {
                    term.put(field, common.get(field));
                }
            }
            if (periodTouched) {
                term.put("InvoiceDate", BodyValues.midnight(entryDate));
            }
            if (dueDate != null) {
                term.put("DueDate", dueDate);
            }
            if (reverse) {
                term.put("TransactionIsReversal", true);
                negate(term, "TransactionAmountDC", "TransactionAmountFC", "AmountDC", "AmountFC");
            }
            term.put("Modified", now);
            term.put("Timestamp", division.nextTimestamp());
        }
        FinancePublisher.entryChanged(context, division, kind, entryId, "Update");
    }

    private static void negate(Map<String, Object> row, String... fields) {
        for (String field : fields) {
            if (row.get(field) instanceof BigDecimal amount) {
                row.put(field, amount.negate());
            }
        }
    }

    void delete(DivisionData division, EntryKind kind, Object key, SandboxContext context) {
        UUID entryId = BodyValues.guid(key);
        division.table(kind.path, "EntryID").remove(entryId).orElseThrow(ExactFault::notFound);
        removeBookings(division, entryId, context.clock().instant());
        FinancePublisher.entryChanged(context, division, kind, entryId, "Delete");
    }

    /** Removes what an entry booked (transaction lines, payment terms) and logs each removal in sync/Deleted. */
    static void removeBookings(DivisionData division, UUID entryId, Instant now) {
        for (Map<String, Object> line : FinanceTables.transactionLines(division)
                .where(r -> entryId.equals(r.get("EntryID")))) {
            FinanceTables.transactionLines(division).remove(line.get("ID"));
            DeletedLog.record(division, DeletedLog.TRANSACTION_LINES, (UUID) line.get("ID"), now);
        }
        for (Map<String, Object> term : FinanceTables.paymentTerms(division)
                .where(r -> entryId.equals(r.get("TransactionEntryID")))) {
            FinanceTables.paymentTerms(division).remove(term.get("ID"));
            DeletedLog.record(division, DeletedLog.PAYMENT_TERMS, (UUID) term.get("ID"), now);
        }
    }
}
