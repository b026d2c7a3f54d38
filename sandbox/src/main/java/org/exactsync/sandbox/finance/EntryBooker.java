package org.exactsync.sandbox.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exactsync.sandbox.DivisionData;

/**
 * Books a validated entry: the entry row with its embedded lines, its transaction lines (line 0 the total on the
 * AR/AP account, one per entry line, 9999 per VAT code) and one payment term. All rows are written under the
 * division lock in one go, so no reader ever sees an entry without its transaction lines.
 */
final class EntryBooker {

    /** Rows hold up to ~40 fields; sizing the maps once keeps bulk seeding of 10,000 items fast. */
    private static final int ROW_CAPACITY = 64;

    private final PaymentTermSigns signs;

    EntryBooker(PaymentTermSigns signs) {
        this.signs = signs;
    }

    Map<String, Object> book(DivisionData division, ValidatedEntry entry, UUID entryId, Instant now) {
        EntryKind kind = entry.kind();
        GlAccountRef control = controlAccount(division, entry);

        Map<String, Object> header = header(division, entry, entryId, now);
        List<Map<String, Object>> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal vatTotal = BigDecimal.ZERO;
        for (ValidatedLine line : entry.lines()) {
            lines.add(entryLine(division, entry, entryId, line));
            total = total.add(line.amountFC()).add(line.vatAmountFC());
            vatTotal = vatTotal.add(line.vatAmountFC());
        }
        header.put(kind.linesField, lines);
        header.put("AmountFC", total);
        header.put("AmountDC", total);
        header.put("VATAmountFC", vatTotal);
        header.put("VATAmountDC", vatTotal);
        division.table(kind.path, "EntryID").put(header);

        UUID totalLineId = UUID.randomUUID();
        Map<String, Object> totalLine = transactionLine(division, entry, entryId, totalLineId, 0, now);
        BigDecimal signedTotal = total.multiply(BigDecimal.valueOf(-kind.lineSign));
        putAccount(totalLine, control);
        totalLine.put("AmountDC", signedTotal);
        totalLine.put("AmountFC", signedTotal);
        totalLine.put("DueDate", BodyValues.midnight(entry.dueDate()));
        FinanceTables.transactionLines(division).put(totalLine);

        Map<String, BigDecimal> vatPerCode = new LinkedHashMap<>();
        Map<String, VatCodeRef> vatCodes = new LinkedHashMap<>();
        for (ValidatedLine line : entry.lines()) {
            Map<String, Object> row = transactionLine(division, entry, entryId, UUID.randomUUID(),
                    line.lineNumber(), now);
            BigDecimal amount = line.amountFC().multiply(BigDecimal.valueOf(kind.lineSign));
            putAccount(row, line.glAccount());
            row.put("AmountDC", amount);
            row.put("AmountFC", amount);
            row.put("AmountVATBaseFC", amount);
            row.put("AmountVATFC", line.vatAmountFC().multiply(BigDecimal.valueOf(kind.lineSign)));
            row.put("VATCode", line.vatCode() == null ? null : line.vatCode().padded());
            row.put("VATPercentage", line.vatCode() == null ? null : line.vatCode().percentage());
            row.put("CostCenter", line.costCenter() == null ? null : line.costCenter().code());
            row.put("CostCenterDescription", line.costCenter() == null ? null : line.costCenter().description());
            row.put("CostUnit", line.costUnit());
            row.put("Project", line.project());
            row.put("Quantity", line.quantity());
            if (line.description() != null) {
                row.put("Description", line.description());
            }
            FinanceTables.transactionLines(division).put(row);
            if (line.vatCode() != null && line.vatAmountFC().signum() != 0) {
                vatPerCode.merge(line.vatCode().code(), line.vatAmountFC(), BigDecimal::add);
                vatCodes.put(line.vatCode().code(), line.vatCode());
            }
        }
        for (Map.Entry<String, BigDecimal> vat : vatPerCode.entrySet()) {
            VatCodeRef code = vatCodes.get(vat.getKey());
            Map<String, Object> row = transactionLine(division, entry, entryId, UUID.randomUUID(), 9999, now);
            BigDecimal amount = vat.getValue().multiply(BigDecimal.valueOf(kind.lineSign));
            putAccount(row, vatAccount(division, kind, code));
            row.put("AmountDC", amount);
            row.put("AmountFC", amount);
            row.put("VATCode", code.padded());
            row.put("VATPercentage", code.percentage());
            FinanceTables.transactionLines(division).put(row);
        }

        FinanceTables.paymentTerms(division).put(paymentTerm(division, entry, entryId, totalLineId, control, total,
                now));
        return header;
    }

    private Map<String, Object> header(DivisionData division, ValidatedEntry entry, UUID entryId, Instant now) {
        EntryKind kind = entry.kind();
        Map<String, Object> header = new LinkedHashMap<>(ROW_CAPACITY);
        header.put("EntryID", entryId);
        header.put("Division", division.code());
        header.put("Journal", entry.journal().code());
        header.put("JournalDescription", entry.journal().description());
        header.put(kind.relationField, entry.relation().id());
        header.put(kind.relationNameField, entry.relation().name());
        header.put("EntryDate", BodyValues.midnight(entry.entryDate()));
        header.put("DueDate", BodyValues.midnight(entry.dueDate()));
        header.put("EntryNumber", entry.entryNumber());
        header.put("InvoiceNumber", entry.entryNumber());
        header.put("YourRef", entry.yourRef());
        header.put("Description", entry.description());
        header.put("PaymentCondition", entry.paymentCondition());
        header.put("PaymentReference", entry.paymentReference());
        header.put("Currency", entry.currency());
        header.put("Rate", BigDecimal.ONE);
        header.put("ReportingYear", entry.period().year());
        header.put("ReportingPeriod", entry.period().period());
        header.put("Status", 20);
        header.put("StatusDescription", "Open");
        header.put("Type", entry.type());
        header.put("TypeDescription", typeDescription(entry.type()));
        header.put("Reversal", false);
        header.put("Created", now);
        header.put("Modified", now);
        return header;
    }

    private Map<String, Object> entryLine(DivisionData division, ValidatedEntry entry, UUID entryId,
            ValidatedLine line) {
        Map<String, Object> row = new LinkedHashMap<>(ROW_CAPACITY);
        row.put("ID", UUID.randomUUID());
        row.put("EntryID", entryId);
        row.put("Division", division.code());
        row.put("LineNumber", line.lineNumber());
        row.put("GLAccount", line.glAccount().id());
        row.put("GLAccountCode", line.glAccount().code());
        row.put("GLAccountDescription", line.glAccount().description());
        row.put("AmountFC", line.amountFC());
        row.put("AmountDC", line.amountFC());
        row.put("VATCode", line.vatCode() == null ? null : line.vatCode().padded());
        row.put("VATCodeDescription", line.vatCode() == null ? null : line.vatCode().description());
        row.put("VATPercentage", line.vatCode() == null ? BigDecimal.ZERO : line.vatCode().percentage());
        row.put("VATAmountFC", line.vatAmountFC());
        row.put("VATAmountDC", line.vatAmountFC());
        row.put("VATBaseAmountFC", line.amountFC());
        row.put("VATBaseAmountDC", line.amountFC());
        row.put("CostCenter", line.costCenter() == null ? null : line.costCenter().code());
        row.put("CostCenterDescription", line.costCenter() == null ? null : line.costCenter().description());
        row.put("CostUnit", line.costUnit());
        row.put("Project", line.project());
        row.put("Description", line.description());
        row.put("Notes", line.notes());
        row.put("Quantity", line.quantity());
        row.put("Type", entry.type());
        return row;
    }

    private static Map<String, Object> transactionLine(DivisionData division, ValidatedEntry entry, UUID entryId,
            UUID id, int lineNumber, Instant now) {
        Map<String, Object> row = new LinkedHashMap<>(ROW_CAPACITY);
        row.put("ID", id);
        row.put("Division", division.code());
        row.put("EntryID", entryId);
        row.put("EntryNumber", entry.entryNumber());
        row.put("LineNumber", lineNumber);
        row.put("LineType", 0);
        row.put("Date", BodyValues.midnight(entry.entryDate()));
        row.put("FinancialYear", entry.period().year());
        row.put("FinancialPeriod", entry.period().period());
        row.put("JournalCode", entry.journal().code());
        row.put("JournalDescription", entry.journal().description());
        row.put("Type", entry.type());
        row.put("Status", 20);
        row.put("Account", entry.relation().id());
        row.put("AccountCode", entry.relation().code());
        row.put("AccountName", entry.relation().name());
        row.put("Currency", entry.currency());
        row.put("ExchangeRate", BigDecimal.ONE);
        row.put("InvoiceNumber", entry.entryNumber());
        row.put("YourRef", entry.yourRef());
        row.put("Description", entry.description());
        row.put("PaymentReference", entry.paymentReference());
        row.put("Created", now);
        row.put("Modified", now);
        row.put("Timestamp", division.nextTimestamp());
        return row;
    }

    private Map<String, Object> paymentTerm(DivisionData division, ValidatedEntry entry, UUID entryId,
            UUID totalLineId, GlAccountRef control, BigDecimal total, Instant now) {
        int lineType = entry.kind().paymentTermLineType();
        Map<String, Object> row = new LinkedHashMap<>(ROW_CAPACITY);
        row.put("ID", UUID.randomUUID());
        row.put("HID", FinanceTables.nextCounter(division, "HID", 1));
        row.put("Division", division.code());
        row.put("LineType", lineType);
        row.put("TransactionEntryID", entryId);
        row.put("TransactionID", totalLineId);
        row.put("TransactionType", entry.type());
        row.put("TransactionIsReversal", false);
        row.put("Account", entry.relation().id());
        row.put("AccountCode", entry.relation().code());
        row.put("AccountName", entry.relation().name());
        row.put("AmountDC", signs.amountDC(lineType, total));
        row.put("AmountFC", signs.amountDC(lineType, total));
        row.put("TransactionAmountDC", total);
        row.put("TransactionAmountFC", total);
        row.put("IsFullyPaid", total.signum() == 0);
        row.put("Status", total.signum() == 0 ? 50 : 20);
        row.put("DueDate", BodyValues.midnight(entry.dueDate()));
        row.put("InvoiceDate", BodyValues.midnight(entry.entryDate()));
        row.put("InvoiceNumber", entry.entryNumber());
        row.put("EntryNumber", entry.entryNumber());
        row.put("Journal", entry.journal().code());
        row.put("JournalDescription", entry.journal().description());
        row.put("LastPaymentDate", null);
        row.put("EndDate", null);
        row.put("EndYear", null);
        row.put("EndPeriod", null);
        row.put("YourRef", entry.yourRef());
        row.put("Description", entry.description());
        row.put("PaymentReference", entry.paymentReference());
        row.put("PaymentCondition", entry.paymentCondition());
        row.put("PaymentMethod", "B");
        row.put("GLAccount", control == null ? null : control.id());
        row.put("GLAccountCode", control == null ? null : control.code());
        row.put("Currency", entry.currency());
        row.put("Created", now);
        row.put("Modified", now);
        row.put("Timestamp", division.nextTimestamp());
        return row;
    }

    private static void putAccount(Map<String, Object> row, GlAccountRef gl) {
        row.put("GLAccount", gl == null ? null : gl.id());
        row.put("GLAccountCode", gl == null ? null : gl.code());
        row.put("GLAccountDescription", gl == null ? null : gl.description());
    }

    /** The relation's own GLAR/GLAP, else the journal's account, else the division's first AR/AP account. */
    static GlAccountRef controlAccount(DivisionData division, ValidatedEntry entry) {
        for (UUID candidate : new UUID[] {entry.relation().controlAccount(entry.kind()), entry.journal().glAccount()}) {
            GlAccountRef gl = candidate == null ? null : MasterData.glAccount(division, candidate).orElse(null);
            if (gl != null && gl.type() == entry.kind().controlGlType) {
                return gl;
            }
        }
        return MasterData.glAccountOfType(division, entry.kind().controlGlType).orElse(null);
    }

    private static GlAccountRef vatAccount(DivisionData division, EntryKind kind, VatCodeRef code) {
        UUID id = kind == EntryKind.SALES ? code.glToPay() : code.glToClaim();
        GlAccountRef gl = id == null ? null : MasterData.glAccount(division, id).orElse(null);
        return gl != null ? gl : MasterData.glAccountOfType(division, GlAccountRef.VAT).orElse(null);
    }

    static String typeDescription(int type) {
        return switch (type) {
            case 20 -> "Sales entry";
            case 21 -> "Sales credit note";
            case 30 -> "Purchase entry";
            case 31 -> "Purchase credit note";
            default -> String.valueOf(type);
        };
    }
}
