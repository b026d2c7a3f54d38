package org.exactsync.sandbox.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.ExactFault;

/**
 * Exact's checks on a sales or purchase entry POST, in the order a caller meets them: header references first, then
 * the period, then each line, then the balance and the entry number. The first failure is answered, as Exact does.
 */
final class EntryValidator {

    private final ExactMessages messages;

    EntryValidator(ExactMessages messages) {
        this.messages = messages;
    }

    ValidatedEntry validateNew(DivisionData division, EntryKind kind, Map<String, Object> body, Clock clock) {
        JournalRef journal = journal(division, kind, body);
        RelationRef relation = relation(division, kind, body.get(kind.relationField));
        UUID ownControl = relation.controlAccount(kind);
        if (ownControl != null && journal.glAccount() != null && !ownControl.equals(journal.glAccount())) {
            // The relation's own AR/AP account must be the journal's (informat, §4.3).
            throw ExactFault.badRequest(messages.controlAccountMismatch(kind));
        }
        List<Map<String, Object>> rawLines = lines(kind, body);

        LocalDate entryDate = BodyValues.date(body, "EntryDate");
        if (entryDate == null) {
            entryDate = BodyValues.today(clock);
        }
        PeriodRef period = period(division, journal, body, entryDate);

        List<ValidatedLine> lines = new ArrayList<>();
        for (Map<String, Object> raw : rawLines) {
            lines.add(line(division, kind, relation, raw, lines.size() + 1));
        }

        BigDecimal headerVat = BodyValues.amount(body, "VATAmountFC");
        BigDecimal linesVat = lines.stream().map(ValidatedLine::vatAmountFC).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (headerVat != null && headerVat.compareTo(linesVat) != 0) {
            // Exact re-adds the line VAT and compares it with the header; the CRM's own rounding shows up here.
            throw ExactFault.badRequest(messages.notInBalance(period.year(), period.period(),
                    headerVat.subtract(linesVat)));
        }

        String paymentCondition = paymentCondition(division, kind, relation, body);
        LocalDate dueDate = dueDate(division, body, entryDate, paymentCondition);

        BigDecimal total = lines.stream().map(l -> l.amountFC().add(l.vatAmountFC()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Integer requestedType = BodyValues.integer(body, "Type");
        // UNCONFIRMED (§5.4): the sandbox honours Type 21/31 when sent and also derives it from a negative total.
        boolean credit = requestedType != null && requestedType == kind.creditType || total.signum() < 0;
        int type = credit ? kind.creditType : kind.entryType;

        int entryNumber = entryNumber(division, kind, journal, BodyValues.integer(body, "EntryNumber"), entryDate);
        String currency = body.get("Currency") == null ? "EUR" : BodyValues.trimmed(body.get("Currency"));
        return new ValidatedEntry(kind, journal, relation, entryDate, dueDate, period, entryNumber, type,
                BodyValues.string(body, "YourRef"), BodyValues.string(body, "Description"),
                BodyValues.string(body, "PaymentReference"), paymentCondition, currency, List.copyOf(lines));
    }

    JournalRef journal(DivisionData division, EntryKind kind, Map<String, Object> body) {
        if (!BodyValues.present(body, "Journal")) {
            throw ExactFault.badRequest(messages.journalMissing());
        }
        String code = BodyValues.trimmed(body.get("Journal"));
        // A GUID is the classic mistake (picqer #31): Journal wants the code.
        JournalRef journal = BodyValues.isGuidText(code) ? null : MasterData.journal(division, code).orElse(null);
        if (journal == null) {
            throw ExactFault.badRequest(messages.journalUnknown());
        }
        if (!kind.acceptsJournalType(journal.type())) {
            throw ExactFault.badRequest(messages.journalWrongType());
        }
        return journal;
    }

    RelationRef relation(DivisionData division, EntryKind kind, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw ExactFault.badRequest(messages.relationMissing(kind));
        }
        UUID id = BodyValues.guid(value);
        RelationRef relation = MasterData.relation(division, id)
                .orElseThrow(() -> ExactFault.badRequest(messages.relationUnknown(kind)));
        if (!relation.qualifiesFor(kind)) {
            throw ExactFault.badRequest(messages.relationWrongType(kind));
        }
        return relation;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> lines(EntryKind kind, Map<String, Object> body) {
        Object value = body.get(kind.linesField);
        if (value instanceof Map<?, ?> wrapped && wrapped.get("results") instanceof List<?> results) {
            value = results;
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw ExactFault.badRequest(messages.linesMissing(kind));
        }
        return (List<Map<String, Object>>) list;
    }

    PeriodRef period(DivisionData division, JournalRef journal, Map<String, Object> body, LocalDate entryDate) {
        Integer year = BodyValues.integer(body, "ReportingYear");
        Integer number = BodyValues.integer(body, "ReportingPeriod");
        PeriodRef period = (year != null && number != null
                ? MasterData.period(division, year, number)
                : MasterData.period(division, entryDate))
                .orElseThrow(() -> ExactFault.badRequest(messages.financialYearUnknown()));
        if (MasterData.periodClosed(division, journal.code(), period.year(), period.period())) {
            throw ExactFault.badRequest(messages.periodClosed(period.year(), period.period()));
        }
        return period;
    }

    private ValidatedLine line(DivisionData division, EntryKind kind, RelationRef relation, Map<String, Object> raw,
            int lineNumber) {
        if (!BodyValues.present(raw, "GLAccount")) {
            throw ExactFault.badRequest(messages.glAccountMissing());
        }
        GlAccountRef gl = MasterData.glAccount(division, BodyValues.guid(raw, "GLAccount"))
                .orElseThrow(() -> ExactFault.badRequest(messages.glAccountUnknown()));
        if (gl.isControlAccount()) {
            throw ExactFault.badRequest(messages.glAccountWrongType(gl));
        }
        if (gl.blocked()) {
            throw ExactFault.badRequest(messages.glAccountBlocked());
        }
        BigDecimal amount = BodyValues.amount(raw, "AmountFC");
        if (amount == null) {
            throw ExactFault.badRequest(messages.amountMissing());
        }

        CostCenterRef costCenter = costCenter(division, gl, BodyValues.trimmed(raw.get("CostCenter")));

        String vatCodeText = BodyValues.trimmed(raw.get("VATCode"));
        if (vatCodeText == null || vatCodeText.isEmpty()) {
            // Exact's defaults: the GL account's VAT code, then the relation's (§5.4 "default: the GL account's").
            vatCodeText = gl.vatCode() != null && !gl.vatCode().isEmpty() ? gl.vatCode()
                    : relation.defaultVatCode(kind);
        }
        VatCodeRef vat = null;
        if (vatCodeText != null && !vatCodeText.isEmpty()) {
            vat = MasterData.vatCode(division, vatCodeText)
                    .orElseThrow(() -> ExactFault.badRequest(messages.vatCodeUnknown()));
            if (vat.blocked()) {
                throw ExactFault.badRequest(messages.vatCodeBlocked());
            }
            if (kind == EntryKind.SALES && vat.isReverseCharge() && !relation.hasVatNumber()) {
                // Sandbox rule for the 500 Exact gives when a VAT code does not fit the customer (§4.2): shifting
                // VAT to a customer needs the customer's VAT number.
                throw ExactFault.businessError500(messages.vatPercentageInvalid());
            }
        }
        BigDecimal vatAmount = BodyValues.amount(raw, "VATAmountFC");
        if (vat != null && vat.isInclusive()) {
            // An inclusive code (Type I) reads AmountFC as including VAT; a VAT amount computed on an exclusive
            // base does not match it, which is Exact's "Invoer …" rejection (§4.3, §8.3).
            BigDecimal percentage = vat.percentage();
            BigDecimal included = amount.multiply(percentage)
                    .divide(BigDecimal.ONE.add(percentage), 2, RoundingMode.HALF_UP);
            if (vatAmount != null && vatAmount.compareTo(included) != 0) {
                throw ExactFault.badRequest(messages.inclusiveVatMismatch(lineNumber, vat.code()));
            }
            vatAmount = included;
            amount = amount.subtract(included);
        }
        if (vatAmount == null) {
            // Exact rounds per line (the source of the CRM's ±0.01 differences, §8.3).
            BigDecimal percentage = vat == null || vat.isReverseCharge() ? BigDecimal.ZERO : vat.percentage();
            vatAmount = amount.multiply(percentage).setScale(2, RoundingMode.HALF_UP);
        }
        return new ValidatedLine(lineNumber, gl, amount, vat, vatAmount, costCenter,
                BodyValues.trimmed(raw.get("CostUnit")), MasterData.uuidOf(raw.get("Project")),
                BodyValues.string(raw, "Description"), BodyValues.string(raw, "Notes"),
                BodyValues.amount(raw, "Quantity"));
    }

    private CostCenterRef costCenter(DivisionData division, GlAccountRef gl, String code) {
        boolean given = code != null && !code.isEmpty();
        if (given && gl.useCostcenter() == 2) {
            throw ExactFault.badRequest(messages.costCenterNotAllowed());
        }
        if (!given) {
            if (gl.useCostcenter() == 1) {
                throw ExactFault.badRequest(messages.costCenterMandatory());
            }
            return null;
        }
        return MasterData.costCenter(division, code)
                .orElseThrow(() -> ExactFault.badRequest(messages.costCenterUnknown()));
    }

    /**
     * The condition Exact applies (docs/exact-reference.md §4.3, §5.4): the entry's own, else the account's
     * ({@code PaymentConditionSales}/{@code Purchase}), else, for a sales entry, the division's default; a sales
     * entry left with none is refused. Purchase entries keep the lenient rule (no condition: due on the entry date):
     * the reference reports the message for invoice booking only.
     */
    private String paymentCondition(DivisionData division, EntryKind kind, RelationRef relation,
            Map<String, Object> body) {
        String own = BodyValues.trimmed(body.get("PaymentCondition"));
        String condition = own != null && !own.isEmpty() ? own : relation.defaultPaymentCondition(kind);
        if (condition != null && condition.isEmpty()) {
            condition = null;
        }
        if (condition == null && kind == EntryKind.SALES) {
            condition = MasterData.defaultPaymentConditionSales(division)
                    .orElseThrow(() -> ExactFault.badRequest(messages.paymentConditionMissing()));
        }
        if (condition != null && MasterData.paymentDays(division, condition).isEmpty()) {
            throw ExactFault.badRequest(messages.paymentConditionUnknown());
        }
        return condition;
    }

    /** The {@code DueDate} sent, else the entry date plus the applied condition's days (§5.4). */
    private static LocalDate dueDate(DivisionData division, Map<String, Object> body, LocalDate entryDate,
            String paymentCondition) {
        LocalDate due = BodyValues.date(body, "DueDate");
        if (due != null) {
            return due;
        }
        int days = paymentCondition == null ? 0 : MasterData.paymentDays(division, paymentCondition).orElse(0);
        return entryDate.plusDays(days);
    }

    int entryNumber(DivisionData division, EntryKind kind, JournalRef journal, Integer requested,
            LocalDate entryDate) {
        if (requested != null) {
            if (entryNumberTaken(division, kind, journal.code(), requested, null)) {
                throw ExactFault.badRequest(messages.entryNumberExists(requested, journal.code()));
            }
            return requested;
        }
        long first = firstEntryNumber(journal.code(), entryDate);
        while (true) {
            long candidate = FinanceTables.nextCounter(division, entryNumberCounter(journal.code(), entryDate), first);
            if (!entryNumberTaken(division, kind, journal.code(), (int) candidate, null)) {
                return (int) candidate;
            }
        }
    }

    /** Exact restarts the journal's number range every year (YY prefix), so the counter is per journal and year. */
    static String entryNumberCounter(String journalCode, LocalDate entryDate) {
        return "EntryNumber:" + journalCode + ":" + entryDate.getYear();
    }

    /** Exact numbers entries YYJJnnnn (year, journal, sequence) in a fresh administration, e.g. 26700001. */
    static long firstEntryNumber(String journalCode, LocalDate entryDate) {
        try {
            int journal = Integer.parseInt(journalCode);
            if (journal >= 0 && journal < 100) {
                return (entryDate.getYear() % 100) * 1_000_000L + journal * 10_000L + 1;
            }
        } catch (NumberFormatException e) {
            // non-numeric journal codes simply count from 1
        }
        return 1;
    }

    static boolean entryNumberTaken(DivisionData division, EntryKind kind, String journal, int number,
            UUID except) {
        return !division.table(kind.path, "EntryID").where(r -> journal.equals(r.get("Journal"))
                && Integer.valueOf(number).equals(r.get("EntryNumber"))
                && (except == null || !except.equals(r.get("EntryID")))).isEmpty();
    }
}
