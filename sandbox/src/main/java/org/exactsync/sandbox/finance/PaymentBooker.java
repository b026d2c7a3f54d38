package org.exactsync.sandbox.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.exactsync.sandbox.DivisionData;

/**
 * Settles payment terms the way a bank statement or a matching in Exact does: the term's open amount shrinks (or
 * reaches zero: {@code IsFullyPaid}, {@code Status} 50), a bank payment books a cash-flow entry (Type 40) of two
 * transaction lines (bank and the AR/AP account), and every changed row gets a new rowversion.
 */
final class PaymentBooker {

    private static final int CASH_FLOW_TYPE = 40;

    private final PaymentTermSigns signs;

    PaymentBooker(PaymentTermSigns signs) {
        this.signs = signs;
    }

    BigDecimal owed(Map<String, Object> term) {
        return signs.owed((Integer) term.get("LineType"), (BigDecimal) term.get("AmountDC"));
    }

    /** Reduces what is owed on the term by {@code amount} (same sign as what is owed) without booking anything. */
    BigDecimal settle(DivisionData division, Map<String, Object> term, BigDecimal amount, LocalDate date,
            Instant now) {
        BigDecimal owed = owed(term);
        if (amount.signum() == 0 || amount.signum() != owed.signum() || amount.abs().compareTo(owed.abs()) > 0) {
            throw new IllegalArgumentException("payment of " + amount + " does not fit open amount " + owed);
        }
        BigDecimal remaining = owed.subtract(amount);
        int lineType = (Integer) term.get("LineType");
        term.put("AmountDC", signs.amountDC(lineType, remaining));
        term.put("AmountFC", signs.amountDC(lineType, remaining));
        term.put("LastPaymentDate", BodyValues.midnight(date));
        if (remaining.signum() == 0) {
            PeriodRef period = periodOf(division, date);
            term.put("IsFullyPaid", true);
            term.put("Status", 50);
            term.put("EndDate", BodyValues.midnight(date));
            term.put("EndYear", period.year());
            term.put("EndPeriod", period.period());
        }
        term.put("Modified", now);
        term.put("Timestamp", division.nextTimestamp());
        return remaining;
    }

    /** Books the bank side of a payment: bank account debited for a receipt, credited for a payment out. */
    UUID bookBankEntry(DivisionData division, Map<String, Object> term, BigDecimal amount, LocalDate date,
            Instant now) {
        UUID entryId = UUID.randomUUID();
        PeriodRef period = periodOf(division, date);
        JournalRef journal = MasterData.journalOfType(division, GlAccountRef.BANK)
                .orElse(new JournalRef("BNK", "Bank", GlAccountRef.BANK, null));
        GlAccountRef bank = MasterData.glAccountOfType(division, GlAccountRef.BANK)
                .or(() -> MasterData.glAccountOfType(division, GlAccountRef.CASH)).orElse(null);
        boolean receivable = Integer.valueOf(20).equals(term.get("LineType"));
        BigDecimal bankAmount = receivable ? amount : amount.negate();
        Map<String, Object> bankLine = bankLine(division, term, entryId, 0, journal, period, date, now);
        bankLine.put("GLAccount", bank == null ? null : bank.id());
        bankLine.put("GLAccountCode", bank == null ? null : bank.code());
        bankLine.put("GLAccountDescription", bank == null ? null : bank.description());
        bankLine.put("AmountDC", bankAmount);
        bankLine.put("AmountFC", bankAmount);
        FinanceTables.transactionLines(division).put(bankLine);

        Map<String, Object> controlLine = bankLine(division, term, entryId, 1, journal, period, date, now);
        controlLine.put("GLAccount", term.get("GLAccount"));
        controlLine.put("GLAccountCode", term.get("GLAccountCode"));
        controlLine.put("AmountDC", bankAmount.negate());
        controlLine.put("AmountFC", bankAmount.negate());
        FinanceTables.transactionLines(division).put(controlLine);
        return entryId;
    }

    private static Map<String, Object> bankLine(DivisionData division, Map<String, Object> term, UUID entryId,
            int lineNumber, JournalRef journal, PeriodRef period, LocalDate date, Instant now) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", UUID.randomUUID());
        row.put("Division", division.code());
        row.put("EntryID", entryId);
        row.put("EntryNumber", null);
        row.put("LineNumber", lineNumber);
        row.put("LineType", 0);
        row.put("Date", BodyValues.midnight(date));
        row.put("FinancialYear", period.year());
        row.put("FinancialPeriod", period.period());
        row.put("JournalCode", journal.code());
        row.put("JournalDescription", journal.description());
        row.put("Type", CASH_FLOW_TYPE);
        row.put("Status", 20);
        row.put("Account", term.get("Account"));
        row.put("AccountCode", term.get("AccountCode"));
        row.put("AccountName", term.get("AccountName"));
        row.put("Currency", term.get("Currency"));
        row.put("ExchangeRate", BigDecimal.ONE);
        row.put("InvoiceNumber", term.get("InvoiceNumber"));
        row.put("YourRef", term.get("YourRef"));
        row.put("Description", "Betaling " + term.get("InvoiceNumber"));
        row.put("Created", now);
        row.put("Modified", now);
        row.put("Timestamp", division.nextTimestamp());
        return row;
    }

    /** The period of a payment date; outside the period table the calendar month stands in (hooks never fail on it). */
    static PeriodRef periodOf(DivisionData division, LocalDate date) {
        return MasterData.period(division, date).orElse(new PeriodRef(date.getYear(), date.getMonthValue(),
                date.withDayOfMonth(1), date.withDayOfMonth(date.lengthOfMonth())));
    }
}
