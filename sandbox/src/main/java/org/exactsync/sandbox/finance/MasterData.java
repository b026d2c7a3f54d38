package org.exactsync.sandbox.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.Table;

/**
 * Read-only look-ups into the master-data tables the core sandbox owns ({@code crm/Accounts},
 * {@code financial/GLAccounts}, {@code vat/VATCodes}, …). Rows are matched by the field names of
 * docs/exact-reference.md and tolerant of the value types a JSON body or a seed may have left (Integer vs Long vs
 * String, UUID vs String), so the finance entities do not depend on how the core chose its keys.
 */
final class MasterData {

    static final String ACCOUNTS = "crm/Accounts";
    static final String GL_ACCOUNTS = "financial/GLAccounts";
    static final String VAT_CODES = "vat/VATCodes";
    static final String JOURNALS = "financial/Journals";
    static final String COST_CENTERS = "hrm/Costcenters";
    static final String PERIODS = "financial/FinancialPeriods";
    static final String JOURNAL_STATUS = "read/financial/JournalStatusList";
    static final String DIVISIONS = "system/Divisions";
    static final String PAYMENT_CONDITIONS = "cashflow/PaymentConditions";
    /** The division settings the core keeps outside the API ({@code MasterDataSeed.DIVISION_SETTINGS}). */
    static final String DIVISION_SETTINGS = "sandbox/DivisionSettings";

    private MasterData() {
    }

    static Optional<JournalRef> journal(DivisionData division, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim();
        return first(division, JOURNALS, r -> wanted.equals(BodyValues.trimmed(r.get("Code"))))
                .map(r -> new JournalRef(BodyValues.trimmed(r.get("Code")), str(r.get("Description")),
                        intOf(r.get("Type"), 0), uuidOf(r.get("GLAccount"))));
    }

    /** The first journal of a type (e.g. 12 bank), used where the sandbox itself books (payments). */
    static Optional<JournalRef> journalOfType(DivisionData division, int type) {
        return first(division, JOURNALS, r -> intOf(r.get("Type"), -1) == type)
                .map(r -> new JournalRef(BodyValues.trimmed(r.get("Code")), str(r.get("Description")), type,
                        uuidOf(r.get("GLAccount"))));
    }

    static Optional<RelationRef> relation(DivisionData division, UUID id) {
        return byId(division, ACCOUNTS, id).map(r -> new RelationRef(id, str(r.get("Code")), str(r.get("Name")),
                str(r.get("Status")), bool(r.get("IsSupplier")), str(r.get("VATNumber")), uuidOf(r.get("GLAR")),
                uuidOf(r.get("GLAP")), BodyValues.trimmed(r.get("PaymentConditionSales")),
                BodyValues.trimmed(r.get("PaymentConditionPurchase")), BodyValues.trimmed(r.get("SalesVATCode")),
                BodyValues.trimmed(r.get("PurchaseVATCode"))));
    }

    static Optional<GlAccountRef> glAccount(DivisionData division, UUID id) {
        return byId(division, GL_ACCOUNTS, id).map(MasterData::toGl);
    }

    static Optional<GlAccountRef> glAccountOfType(DivisionData division, int type) {
        return first(division, GL_ACCOUNTS, r -> intOf(r.get("Type"), -1) == type && !bool(r.get("IsBlocked")))
                .map(MasterData::toGl);
    }

    static Optional<VatCodeRef> vatCode(DivisionData division, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim();
        return first(division, VAT_CODES, r -> wanted.equals(BodyValues.trimmed(r.get("Code"))))
                .map(r -> new VatCodeRef(BodyValues.trimmed(r.get("Code")), str(r.get("Description")),
                        decimalOf(r.get("Percentage")), str(r.get("Type")), str(r.get("VATTransactionType")),
                        bool(r.get("Charged")),
                        str(r.get("EUSalesListing")), uuidOf(r.get("GLToPay")), uuidOf(r.get("GLToClaim")),
                        bool(r.get("IsBlocked"))));
    }

    static Optional<CostCenterRef> costCenter(DivisionData division, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim();
        return first(division, COST_CENTERS, r -> wanted.equals(BodyValues.trimmed(r.get("Code"))))
                .map(r -> new CostCenterRef(wanted, str(r.get("Description")),
                        r.get("Active") == null || bool(r.get("Active"))));
    }

    /** Days until due for a {@code cashflow/PaymentConditions} code; empty when the code is unknown. */
    static Optional<Integer> paymentDays(DivisionData division, String code) {
        String wanted = code.trim();
        return first(division, PAYMENT_CONDITIONS, r -> wanted.equals(BodyValues.trimmed(r.get("Code"))))
                .map(r -> intOf(r.get("PaymentDays"), 0));
    }

    /** The division's default sales payment condition code, when its settings have one. */
    static Optional<String> defaultPaymentConditionSales(DivisionData division) {
        return first(division, DIVISION_SETTINGS, r -> "DefaultPaymentConditionSales".equals(r.get("Name")))
                .map(r -> BodyValues.trimmed(r.get("Value"))).filter(code -> !code.isEmpty());
    }

    /** The period-date table row numbered {@code year}/{@code period}. */
    static Optional<PeriodRef> period(DivisionData division, int year, int period) {
        return periods(division).stream().filter(p -> p.year() == year && p.period() == period).findFirst();
    }

    static Optional<PeriodRef> period(DivisionData division, LocalDate date) {
        return periods(division).stream().filter(p -> p.contains(date)).findFirst();
    }

    private static List<PeriodRef> periods(DivisionData division) {
        Table periods = division.tableIfPresent(PERIODS);
        if (periods == null) {
            return List.of();
        }
        return periods.where(r -> true).stream()
                .map(r -> new PeriodRef(intOf(r.get("FinYear"), 0), intOf(r.get("FinPeriod"), 0),
                        BodyValues.date(r.get("StartDate"), "StartDate"), BodyValues.date(r.get("EndDate"), "EndDate")))
                .toList();
    }

    /** {@code read/financial/JournalStatusList}: Status 1 closes a period for one journal (or all when null). */
    static boolean periodClosed(DivisionData division, String journalCode, int year, int period) {
        return first(division, JOURNAL_STATUS, r -> intOf(r.get("Status"), 0) == 1
                && intOf(r.get("Year"), -1) == year && intOf(r.get("Period"), -1) == period
                && (r.get("Journal") == null || journalCode.equals(BodyValues.trimmed(r.get("Journal")))))
                .isPresent();
    }

    /** The {@code system/Divisions} row of this division, if the core seeded one. */
    static Optional<Map<String, Object>> divisionRow(DivisionData division) {
        return first(division, DIVISIONS, r -> intOf(r.get("Code"), -1) == division.code());
    }

    private static GlAccountRef toGl(Map<String, Object> r) {
        return new GlAccountRef(uuidOf(r.get("ID")), BodyValues.trimmed(r.get("Code")), str(r.get("Description")),
                intOf(r.get("Type"), 0), bool(r.get("IsBlocked")), intOf(r.get("UseCostcenter"), 0),
                BodyValues.trimmed(r.get("VATCode")));
    }

    private static Optional<Map<String, Object>> byId(DivisionData division, String path, UUID id) {
        Table table = division.tableIfPresent(path);
        if (table == null || id == null) {
            return Optional.empty();
        }
        Optional<Map<String, Object>> direct = table.get(id);
        if (direct.isPresent()) {
            return direct;
        }
        return first(division, path, r -> id.equals(uuidOf(r.get("ID"))));
    }

    private static Optional<Map<String, Object>> first(DivisionData division, String path,
            Predicate<Map<String, Object>> predicate) {
        Table table = division.tableIfPresent(path);
        if (table == null) {
            return Optional.empty();
        }
        List<Map<String, Object>> rows = table.where(predicate);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static String str(Object value) {
        return value == null ? null : value.toString();
    }

    static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.intValue() != 0;
        }
        return value != null && Boolean.parseBoolean(value.toString().trim());
    }

    static int intOf(Object value, int fallback) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static BigDecimal decimalOf(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString().trim());
    }

    static UUID uuidOf(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof UUID uuid) {
            return uuid;
        }
        return BodyValues.isGuidText(value.toString()) ? UUID.fromString(value.toString().trim()) : null;
    }
}
