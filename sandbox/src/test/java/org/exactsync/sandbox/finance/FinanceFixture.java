package org.exactsync.sandbox.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exactsync.sandbox.DivisionData;

/** A division with the master data a booking needs, seeded the way the core sandbox stores it. */
final class FinanceFixture {

    static final int DIVISION = 123456;

    final DivisionData division = new DivisionData(DIVISION);

    final UUID arAccount = UUID.randomUUID();
    final UUID apAccount = UUID.randomUUID();
    final UUID vatToPay = UUID.randomUUID();
    final UUID vatToClaim = UUID.randomUUID();
    final UUID bank = UUID.randomUUID();
    final UUID revenue = UUID.randomUUID();
    final UUID revenueNeedsCostCenter = UUID.randomUUID();
    final UUID revenueWithoutCostCenter = UUID.randomUUID();
    final UUID blockedRevenue = UUID.randomUUID();
    final UUID costs = UUID.randomUUID();

    final UUID customer = UUID.randomUUID();
    final UUID customerWithVatNumber = UUID.randomUUID();
    final UUID prospect = UUID.randomUUID();
    final UUID supplier = UUID.randomUUID();
    final UUID otherArAccount = UUID.randomUUID();
    final UUID customerWithOwnReceivablesAccount = UUID.randomUUID();

    FinanceFixture() {
        journal("70", "Verkoopboek", 20);
        division.table(MasterData.JOURNALS, "ID").where(r -> "70".equals(r.get("Code")))
                .forEach(r -> r.put("GLAccount", arAccount));
        journal("60", "Inkoopboek", 22);
        journal("20", "Bank", 12);
        journal("90", "Memoriaal", 90);

        gl(arAccount, "1300", "Debiteuren", 20, false, 0);
        gl(apAccount, "1600", "Crediteuren", 22, false, 0);
        gl(otherArAccount, "1310", "Debiteuren buitenland", 20, false, 0);
        gl(vatToPay, "1500", "Af te dragen btw", 24, false, 0);
        gl(vatToClaim, "1510", "Te vorderen btw", 24, false, 0);
        gl(bank, "1100", "Bank", 12, false, 0);
        gl(revenue, "8000", "Omzet", 110, false, 0);
        gl(revenueNeedsCostCenter, "8100", "Omzet projecten", 110, false, 1);
        gl(revenueWithoutCostCenter, "8200", "Omzet overig", 110, false, 2);
        gl(blockedRevenue, "8900", "Oude omzet", 110, true, 0);
        gl(costs, "4000", "Inkoopkosten", 120, false, 0);

        vat("2", "21% hoog", "0.21", false);
        vat("1", "9% laag", "0.09", false);
        vat("0", "0%", "0", false);
        vat("RC", "Verlegd", "0", true);
        vat("3", "21% inclusief", "0.21", false);
        vat("9", "21% oud", "0.21", false);
        division.table(MasterData.VAT_CODES, "ID").where(r -> "3".equals(r.get("Code").toString().trim()))
                .forEach(r -> r.put("Type", "I"));
        division.table(MasterData.VAT_CODES, "ID").where(r -> "9".equals(r.get("Code").toString().trim()))
                .forEach(r -> r.put("IsBlocked", true));

        costCenter("P1234", "Project 1234");
        costCenter("P2000", "Project 2000");

        for (int year = 2025; year <= 2026; year++) {
            for (int month = 1; month <= 12; month++) {
                LocalDate start = LocalDate.of(year, month, 1);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("ID", UUID.randomUUID());
                row.put("FinYear", year);
                row.put("FinPeriod", month);
                row.put("StartDate", start.atStartOfDay(ZoneOffset.UTC).toInstant());
                row.put("EndDate", start.plusMonths(1).minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
                division.table(MasterData.PERIODS, "ID").put(row);
            }
        }
        Map<String, Object> closed = new LinkedHashMap<>();
        closed.put("ID", UUID.randomUUID());
        closed.put("Journal", "70");
        closed.put("Year", 2025);
        closed.put("Period", 11);
        closed.put("Status", 1);
        division.table(MasterData.JOURNAL_STATUS, "ID").put(closed);

        paymentCondition("30", 30);
        paymentCondition("14", 14);

        account(customer, "100001", "Acme BV", "C", false, null);
        account(customerWithVatNumber, "100002", "Euro GmbH", "C", false, "DE123456789");
        account(prospect, "100003", "Maybe BV", "P", false, null);
        account(supplier, "200001", "Levering BV", null, true, null);
        account(customerWithOwnReceivablesAccount, "100004", "Export BV", "C", false, null);
        division.table(MasterData.ACCOUNTS, "ID").get(customerWithOwnReceivablesAccount).orElseThrow()
                .put("GLAR", otherArAccount);

        Map<String, Object> divisionRow = new LinkedHashMap<>();
        divisionRow.put("Code", DIVISION);
        divisionRow.put("Description", "Sandbox BV");
        divisionRow.put("DivisionMoveDate", null);
        division.table(MasterData.DIVISIONS, "Code").put(divisionRow);
    }

    void journal(String code, String description, int type) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", UUID.randomUUID());
        row.put("Code", code);
        row.put("Description", description);
        row.put("Type", type);
        division.table(MasterData.JOURNALS, "ID").put(row);
    }

    void gl(UUID id, String code, String description, int type, boolean blocked, int useCostcenter) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", id);
        row.put("Code", code);
        row.put("Description", description);
        row.put("Type", type);
        row.put("IsBlocked", blocked);
        row.put("UseCostcenter", useCostcenter);
        division.table(MasterData.GL_ACCOUNTS, "ID").put(row);
    }

    void vat(String code, String description, String percentage, boolean charged) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", UUID.randomUUID());
        row.put("Code", String.format("%-3s", code));
        row.put("Description", description);
        row.put("Percentage", new BigDecimal(percentage));
        row.put("Type", "E");
        row.put("VATTransactionType", "B");
        row.put("Charged", charged);
        row.put("GLToPay", vatToPay);
        row.put("GLToClaim", vatToClaim);
        row.put("IsBlocked", false);
        division.table(MasterData.VAT_CODES, "ID").put(row);
    }

    void costCenter(String code, String description) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", UUID.randomUUID());
        row.put("Code", code);
        row.put("Description", description);
        row.put("Active", true);
        division.table(MasterData.COST_CENTERS, "ID").put(row);
    }

    void paymentCondition(String code, int days) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", UUID.randomUUID());
        row.put("Code", code);
        row.put("PaymentDays", days);
        division.table(MasterData.PAYMENT_CONDITIONS, "ID").put(row);
    }

    void account(UUID id, String code, String name, String status, boolean supplier, String vatNumber) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", id);
        row.put("Code", String.format("%18s", code));
        row.put("Name", name);
        row.put("Status", status);
        row.put("IsSupplier", supplier);
        row.put("VATNumber", vatNumber);
        row.put("PaymentConditionSales", "30");
        division.table(MasterData.ACCOUNTS, "ID").put(row);
    }

    /** Clears the account's own sales and purchase payment conditions. */
    void withoutPaymentCondition(UUID account) {
        Map<String, Object> row = division.table(MasterData.ACCOUNTS, "ID").get(account).orElseThrow();
        row.put("PaymentConditionSales", null);
        row.put("PaymentConditionPurchase", null);
    }

    /** A sales entry body like the CRM sends: one revenue line of {@code amount} with VAT code 2. */
    Map<String, Object> salesEntry(String yourRef, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("Journal", "70");
        body.put("Customer", customer.toString());
        body.put("EntryDate", "2026-11-20T00:00:00");
        body.put("YourRef", yourRef);
        body.put("Description", yourRef + " Acme BV");
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(line(revenue, amount, "2"));
        body.put("SalesEntryLines", lines);
        return body;
    }

    Map<String, Object> purchaseEntry(String yourRef, String amount, String costCenter) {
        Map<String, Object> body = new HashMap<>();
        body.put("Journal", "60");
        body.put("Supplier", supplier.toString());
        body.put("EntryDate", "2026-11-10T00:00:00");
        body.put("YourRef", yourRef);
        Map<String, Object> line = line(costs, amount, "2");
        line.put("CostCenter", costCenter);
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(line);
        body.put("PurchaseEntryLines", lines);
        return body;
    }

    static Map<String, Object> line(UUID gl, String amount, String vatCode) {
        Map<String, Object> line = new HashMap<>();
        line.put("GLAccount", gl.toString());
        line.put("AmountFC", amount);
        line.put("VATCode", vatCode);
        return line;
    }

    static Instant day(String isoDate) {
        return org.exactsync.sandbox.ExactValues.startOfDay(LocalDate.parse(isoDate));
    }
}
