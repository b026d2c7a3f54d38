package org.exactsync.sandbox.master;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.DivisionProfile;
import org.exactsync.sandbox.ExactValues;
import org.exactsync.sandbox.Table;

/**
 * Realistic Dutch/Belgian master data for a sandbox division, deterministic (GUIDs derive from division and code,
 * see {@link #id}), so tests can refer to seeded rows by code.
 *
 * <p>Per division: journals 70 (sales, type 20), 60 (purchase, 22), 20 (bank, 12), 10 (cash, 10), 90 (general);
 * GL accounts 8000/8010/8100 revenue (110), 1300 receivables (20), 1600 payables (22), 1500 VAT (24), 1100 bank
 * (12), 1000 cash (10), 4000 costs (121, cost center optional), 4010 project costs (cost center mandatory),
 * 4020 overhead (cost center not allowed), 8999 blocked revenue; VAT codes 0 (0 %), 1 (9 % excl.), 2 (21 % excl.),
 * 3 (21 % incl.), 4 (reverse charge, charged), 5 (intra-EU goods), 6 (export outside EU), 9 (21 %, blocked);
 * payment conditions 00, 14, 30, 60; financial years {@code today}'s and the next, 12 monthly periods each, all open in
 * {@code read/financial/JournalStatusList}; cost centers 100 and 200. The division's default payment condition
 * (sales) is 30, except in {@link #WITHOUT_DEFAULT_PAYMENT_CONDITION}, which has none, so that a sales entry there
 * needs a condition of its own or of its customer (docs/exact-reference.md §4.3, §5.4).
 */
public final class MasterDataSeed {

    /**
     * Where a division's settings live that Exact keeps outside the REST API (the reference names no endpoint for
     * them): one row per setting, {@code Name} and {@code Value}. Not served over HTTP.
     */
    public static final String DIVISION_SETTINGS = "sandbox/DivisionSettings";
    /** The setting holding the code of the division's default sales payment condition. */
    public static final String DEFAULT_PAYMENT_CONDITION_SALES = "DefaultPaymentConditionSales";
    /** The seeded division that has no default payment condition (the second Dutch one, 100002). */
    public static final int WITHOUT_DEFAULT_PAYMENT_CONDITION = 100002;

    private MasterDataSeed() {
    }

    /** Three divisions: two Dutch (a foundation and a BV sharing customers) and one Belgian. */
    public static List<DivisionProfile> defaultDivisions() {
        return List.of(
                new DivisionProfile(100001, id(100001, "division", "hid"), "Stichting Voorbeeld", "EUR", "NL", "NL", 1,
                        0, true, "NL001234567B01", "41000001", null),
                new DivisionProfile(100002, id(100002, "division", "hid"), "Voorbeeld Diensten B.V.", "EUR", "NL",
                        "NL", 1, 0, false, "NL009876543B01", "41000002", null),
                new DivisionProfile(200001, id(200001, "division", "hid"), "Voorbeeld BV (BE)", "EUR", "BE", "BE", 1,
                        0, false, "BE0123456789", "0123456789", null));
    }

    /** A deterministic GUID for a seeded row: the same division, kind and code always give the same id. */
    public static UUID id(int division, String kind, String code) {
        return UUID.nameUUIDFromBytes((division + "|" + kind + "|" + code).getBytes(StandardCharsets.UTF_8));
    }

    /** Fills a division with the standard master data; {@code today} decides the financial years. */
    public static void seed(DivisionData data, LocalDate today) {
        Instant created = ExactValues.startOfDay(LocalDate.of(today.getYear() - 1, 1, 1));
        int d = data.code();
        seedGlAccounts(data, d, created);
        seedJournals(data, d, created);
        seedVatCodes(data, d, created);
        seedPaymentConditions(data, d, created);
        seedPeriods(data, d, created, today.getYear());
        seedCostcenters(data, d, created);
        if (d != WITHOUT_DEFAULT_PAYMENT_CONDITION) {
            defaultPaymentCondition(data, "30");
        }
    }

    /**
     * Sets the division's default sales payment condition, as a bookkeeper does in the division's settings; null
     * removes it (then an entry without a condition of its own or of its customer is refused, §4.3).
     */
    public static void defaultPaymentCondition(DivisionData data, String code) {
        synchronized (data.lock()) {
            Table settings = data.table(DIVISION_SETTINGS, "Name");
            if (code == null) {
                settings.remove(DEFAULT_PAYMENT_CONDITION_SALES);
                return;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("Name", DEFAULT_PAYMENT_CONDITION_SALES);
            row.put("Value", code);
            settings.put(row);
        }
    }

    /** Marks a journal's period closed (Status 1), as an accountant closing a VAT period does. */
    public static void closePeriod(DivisionData data, String journalCode, int year, int period) {
        synchronized (data.lock()) {
            Table table = data.table(MasterEntities.JOURNAL_STATUS_LIST, "ID");
            table.where(r -> journalCode.equals(r.get("Journal")) && Integer.valueOf(year).equals(r.get("Year"))
                    && Integer.valueOf(period).equals(r.get("Period")))
                    .forEach(r -> {
                        r.put("Status", 1);
                        r.put("StatusDescription", "Closed");
                    });
        }
    }

    private static void seedGlAccounts(DivisionData data, int d, Instant created) {
        Table t = data.table(GLAccountsSet.PATH, "ID");
        gl(t, d, created, "1000", "Kas", 10, "B", "D", 2, false);
        gl(t, d, created, "1100", "Bank", 12, "B", "D", 2, false);
        gl(t, d, created, "1300", "Debiteuren", 20, "B", "D", 2, false);
        gl(t, d, created, "1500", "Af te dragen btw", 24, "B", "C", 2, false);
        gl(t, d, created, "1600", "Crediteuren", 22, "B", "C", 2, false);
        gl(t, d, created, "4000", "Algemene kosten", 121, "W", "D", 0, false);
        gl(t, d, created, "4010", "Projectkosten", 120, "W", "D", 1, false);
        gl(t, d, created, "4020", "Huisvestingskosten", 121, "W", "D", 2, false);
        gl(t, d, created, "8000", "Omzet hoog tarief", 110, "W", "C", 0, false);
        gl(t, d, created, "8010", "Omzet laag tarief", 110, "W", "C", 0, false);
        gl(t, d, created, "8100", "Omzet verlegd / export", 110, "W", "C", 0, false);
        gl(t, d, created, "8999", "Omzet oud (geblokkeerd)", 110, "W", "C", 0, true);
    }

    private static void gl(Table t, int d, Instant created, String code, String description, int type,
            String balanceType, String side, int useCostcenter, boolean blocked) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ID", id(d, "gl", code));
        r.put("Code", code);
        r.put("Description", description);
        r.put("Type", type);
        r.put("TypeDescription", null);
        r.put("BalanceType", balanceType);
        r.put("BalanceSide", side);
        r.put("VATCode", null);
        r.put("UseCostcenter", useCostcenter);
        r.put("UseCostunit", 0);
        r.put("Costcenter", null);
        r.put("Costunit", null);
        r.put("IsBlocked", blocked);
        r.put("SearchCode", code);
        stamp(r, d, created);
        t.put(r);
    }

    private static void seedJournals(DivisionData data, int d, Instant created) {
        Table t = data.table(MasterEntities.JOURNALS, "ID");
        journal(t, d, created, "10", "Kas", 10, "1000");
        journal(t, d, created, "20", "Bank", 12, "1100");
        journal(t, d, created, "60", "Inkoopboek", 22, "1600");
        journal(t, d, created, "70", "Verkoopboek", 20, "1300");
        journal(t, d, created, "90", "Memoriaal", 90, null);
    }

    private static void journal(Table t, int d, Instant created, String code, String description, int type,
            String glCode) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ID", id(d, "journal", code));
        r.put("Code", code);
        r.put("Description", description);
        r.put("Type", type);
        r.put("GLAccount", glCode == null ? null : id(d, "gl", glCode));
        r.put("Currency", "EUR");
        r.put("AllowVariableCurrency", false);
        r.put("AllowVAT", type == 90);
        r.put("AutoSave", false);
        r.put("IsBlocked", false);
        stamp(r, d, created);
        t.put(r);
    }

    private static void seedVatCodes(DivisionData data, int d, Instant created) {
        Table t = data.table(MasterEntities.VAT_CODES, "ID");
        vat(t, d, created, "0", "0% btw", "0", "B", "B", false, "N", false);
        vat(t, d, created, "1", "Btw laag tarief (9%)", "0.09", "E", "B", false, "N", false);
        vat(t, d, created, "2", "Btw hoog tarief (21%)", "0.21", "E", "B", false, "N", false);
        vat(t, d, created, "3", "Btw hoog tarief inclusief (21%)", "0.21", "I", "B", false, "N", false);
        vat(t, d, created, "4", "Btw verlegd", "0", "E", "B", true, "N", false);
        vat(t, d, created, "5", "Intracommunautaire levering", "0", "E", "S", false, "L", false);
        vat(t, d, created, "6", "Export buiten de EU", "0", "B", "S", false, "N", false);
        vat(t, d, created, "9", "Btw hoog oud (geblokkeerd)", "0.21", "E", "B", false, "N", true);
    }

    private static void vat(Table t, int d, Instant created, String code, String description, String percentage,
            String type, String transactionType, boolean charged, String euSalesListing, boolean blocked) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ID", id(d, "vat", code));
        // Exact returns VAT codes left-aligned in three characters ('2  ', docs/exact-reference.md §1.6, §8.3).
        r.put("Code", ExactValues.padRight(code, 3));
        r.put("Description", description);
        r.put("Percentage", new BigDecimal(percentage));
        Map<String, Object> rate = new LinkedHashMap<>();
        rate.put("Percentage", new BigDecimal(percentage));
        rate.put("StartDate", created);
        rate.put("EndDate", null);
        rate.put("Type", 0);
        r.put("VATPercentages", List.of(rate));
        r.put("Type", type);
        r.put("VATTransactionType", transactionType);
        r.put("Charged", charged);
        r.put("GLToPay", id(d, "gl", "1500"));
        r.put("GLToClaim", id(d, "gl", "1500"));
        r.put("IsBlocked", blocked);
        r.put("EUSalesListing", euSalesListing);
        stamp(r, d, created);
        t.put(r);
    }

    private static void seedPaymentConditions(DivisionData data, int d, Instant created) {
        Table t = data.table(PaymentConditionsSet.PATH, "ID");
        for (int days : new int[] {0, 14, 30, 60}) {
            String code = days == 0 ? "00" : Integer.toString(days);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ID", id(d, "paymentcondition", code));
            r.put("Code", code);
            r.put("Description", days == 0 ? "Direct" : days + " dagen");
            r.put("PaymentDays", days);
            r.put("PaymentEndOfMonths", 0);
            r.put("PaymentMethod", "B");
            r.put("DiscountPercentage", BigDecimal.ZERO);
            r.put("DiscountPaymentDays", 0);
            r.put("PaymentDiscountType", null);
            r.put("Percentage", BigDecimal.ZERO);
            r.put("VATCalculation", null);
            r.put("DiscountCalculation", null);
            stamp(r, d, created);
            t.put(r);
        }
    }

    private static void seedPeriods(DivisionData data, int d, Instant created, int currentYear) {
        Table periods = data.table(MasterEntities.FINANCIAL_PERIODS, "ID");
        Table status = data.table(MasterEntities.JOURNAL_STATUS_LIST, "ID");
        List<String[]> journals = new ArrayList<>();
        journals.add(new String[] {"70", "Verkoopboek", "20"});
        journals.add(new String[] {"60", "Inkoopboek", "22"});
        journals.add(new String[] {"20", "Bank", "12"});
        journals.add(new String[] {"90", "Memoriaal", "90"});
        for (int year = currentYear; year <= currentYear + 1; year++) {
            for (int period = 1; period <= 12; period++) {
                LocalDate start = LocalDate.of(year, period, 1);
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("ID", id(d, "period", year + "-" + period));
                p.put("FinYear", year);
                p.put("FinPeriod", period);
                p.put("StartDate", ExactValues.startOfDay(start));
                // EndDate is the last day of the period (midnight), not the first day of the next one.
                p.put("EndDate", ExactValues.startOfDay(start.plusMonths(1).minusDays(1)));
                stamp(p, d, created);
                periods.put(p);
                for (String[] j : journals) {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("ID", id(d, "journalstatus", j[0] + "-" + year + "-" + period));
                    s.put("Journal", j[0]);
                    s.put("JournalDescription", j[1]);
                    s.put("JournalType", Integer.parseInt(j[2]));
                    s.put("Year", year);
                    s.put("Period", period);
                    s.put("Status", 0);
                    s.put("StatusDescription", "Open");
                    s.put("Division", d);
                    status.put(s);
                }
            }
        }
    }

    private static void seedCostcenters(DivisionData data, int d, Instant created) {
        Table t = data.table(CostcentersSet.PATH, "ID");
        for (String[] c : new String[][] {{"100", "Algemeen"}, {"200", "Projecten"}}) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ID", id(d, "costcenter", c[0]));
            r.put("Code", c[0]);
            r.put("Description", c[1]);
            r.put("Active", true);
            r.put("EndDate", null);
            stamp(r, d, created);
            t.put(r);
        }
    }

    private static void stamp(Map<String, Object> r, int d, Instant created) {
        r.put("Division", d);
        r.put("Created", created);
        r.put("Modified", created);
    }
}
