package org.exactsync.sandbox.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exactsync.sandbox.ExactFault;
import org.junit.jupiter.api.Test;

class SalesEntryValidationTest {

    private final FinanceFixture fx = new FinanceFixture();
    private final RecordingContext context = new RecordingContext();
    private final EntryEntitySet sales = EntryEntitySet.salesEntries(FinanceOptions.defaults());

    private ExactFault rejection(Map<String, Object> body) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> sales.create(fx.division, body, context));
        assertThat(thrown).isInstanceOf(ExactFault.class);
        assertThat(FinanceTables.salesEntries(fx.division).size()).as("nothing stored").isZero();
        assertThat(FinanceTables.transactionLines(fx.division).size()).as("nothing booked").isZero();
        return (ExactFault) thrown;
    }

    private static void assertFault(ExactFault fault, int status, String message) {
        assertThat(fault.status()).isEqualTo(status);
        assertThat(fault.getMessage()).isEqualTo(message);
    }

    @Test
    void rejectsMissingJournalInDutch() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        body.remove("Journal");
        assertFault(rejection(body), 400, "Verplicht: Dagboek");
    }

    @Test
    void rejectsMissingJournalInEnglishWhenConfigured() {
        EntryEntitySet english = EntryEntitySet.salesEntries(FinanceOptions.defaults().withEnglishMessages(true));
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        body.remove("Journal");
        assertThatThrownBy(() -> english.create(fx.division, body, context)).hasMessage("Mandatory: Journal");
    }

    @Test
    void rejectsJournalGivenAsGuid() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        body.put("Journal", UUID.randomUUID().toString());
        assertFault(rejection(body), 400, "Ongeldige referentie: Journals");
    }

    @Test
    void rejectsUnknownJournalCode() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        body.put("Journal", "77");
        assertFault(rejection(body), 400, "Ongeldige referentie: Journals");
    }

    @Test
    void rejectsPurchaseJournalOnSalesEntry() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        body.put("Journal", "60");
        assertFault(rejection(body), 400, "Ongeldig: Dagboek (Type)");
    }

    @Test
    void rejectsProspectAsCustomer() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        body.put("Customer", fx.prospect.toString());
        assertFault(rejection(body), 400, "Ongeldig: Klant (Type)");
    }

    @Test
    void rejectsSupplierOnlyAccountAsCustomer() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        body.put("Customer", fx.supplier.toString());
        assertFault(rejection(body), 400, "Ongeldig: Klant (Type)");
    }

    @Test
    void rejectsMalformedCustomerGuid() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        body.put("Customer", "not-a-guid");
        assertFault(rejection(body), 400, "Niet herkende GUID-indeling");
    }

    @Test
    void rejectsEntryWithoutLines() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        body.put("SalesEntryLines", List.of());
        assertFault(rejection(body), 400, "Verplicht: SalesEntryLines");
    }

    @Test
    void rejectsUnknownVatCode() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        firstLine(body).put("VATCode", "7");
        assertFault(rejection(body), 400, "Ongeldige referentie: Btw-code");
    }

    @Test
    void rejectsReverseChargeVatForCustomerWithoutVatNumberAsServerError() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        firstLine(body).put("VATCode", "RC");
        assertFault(rejection(body), 500, "Ongeldig: Btw-percentage []");
    }

    @Test
    void acceptsReverseChargeVatForCustomerWithVatNumber() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        body.put("Customer", fx.customerWithVatNumber.toString());
        firstLine(body).put("VATCode", "RC");
        Map<String, Object> created = sales.create(fx.division, body, context);
        assertThat(created.get("VATAmountFC")).isEqualTo(new java.math.BigDecimal("0.00"));
    }

    @Test
    void rejectsReceivableAccountOnRevenueLine() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        firstLine(body).put("GLAccount", fx.arAccount.toString());
        assertFault(rejection(body), 400, "Ledger account '1300' is of a wrong type: '20 - Accounts receivable'");
    }

    @Test
    void rejectsBlockedLedgerAccount() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        firstLine(body).put("GLAccount", fx.blockedRevenue.toString());
        assertFault(rejection(body), 400, "Geblokkeerd: Grootboekrekening");
    }

    @Test
    void rejectsUnknownLedgerAccount() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        firstLine(body).put("GLAccount", UUID.randomUUID().toString());
        assertFault(rejection(body), 400, "Ongeldige referentie: Grootboekrekening");
    }

    @Test
    void rejectsMissingCostCenterWhereLedgerAccountDemandsOne() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        firstLine(body).put("GLAccount", fx.revenueNeedsCostCenter.toString());
        assertFault(rejection(body), 400, "Verplicht: Kostenplaats");
    }

    @Test
    void rejectsCostCenterWhereLedgerAccountForbidsOne() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        firstLine(body).put("GLAccount", fx.revenueWithoutCostCenter.toString());
        firstLine(body).put("CostCenter", "P1234");
        assertFault(rejection(body), 400, "Niet toegestaan: Kostenplaats");
    }

    @Test
    void rejectsUnknownCostCenter() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        firstLine(body).put("CostCenter", "NOPE");
        assertFault(rejection(body), 400, "Ongeldige referentie: Kostenplaats");
    }

    @Test
    void rejectsDateOutsideThePeriodTable() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        body.put("EntryDate", "2027-01-15T00:00:00");
        assertFault(rejection(body), 400, "Unknown: Financial year (Period-date table)");
    }

    @Test
    void rejectsClosedPeriod() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        body.put("EntryDate", "2025-11-15T00:00:00");
        assertFault(rejection(body), 400, "Periode is afgesloten: 2025 – 11");
    }

    @Test
    void rejectsHeaderVatThatDoesNotMatchTheLines() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.05");
        body.put("VATAmountFC", "21.00");
        assertFault(rejection(body), 400, "De boeking is niet in evenwicht op: 2026 / 11. Verschil: EUR -0,01");
    }

    @Test
    void rejectsEntryNumberAlreadyUsedInTheJournal() {
        Map<String, Object> first = fx.salesEntry("INV-1", "100.00");
        first.put("EntryNumber", 4711);
        sales.create(fx.division, first, context);
        Map<String, Object> second = fx.salesEntry("INV-2", "50.00");
        second.put("EntryNumber", 4711);
        assertThatThrownBy(() -> sales.create(fx.division, second, context))
                .isInstanceOf(ExactFault.class)
                .hasMessage("Already exists - Entry number: 4711, Journal: 70");
        assertThat(FinanceTables.salesEntries(fx.division).size()).isEqualTo(1);
    }

    @Test
    void rejectsUnknownPaymentCondition() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        body.put("PaymentCondition", "99");
        assertFault(rejection(body), 400, "Ongeldige referentie: Betalingsconditie");
    }

    @Test
    void rejectsAnEntryWithoutConditionWhenNeitherTheCustomerNorTheDivisionHasOne() {
        fx.withoutPaymentCondition(fx.customer);
        assertFault(rejection(fx.salesEntry("INV-1", "100.00")), 400, "Verplicht: Betalingsconditie");
    }

    @Test
    void rejectsAnEntryWithoutConditionEvenWithADueDateWhenNoDefaultApplies() {
        fx.withoutPaymentCondition(fx.customer);
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        body.put("DueDate", "2026-12-20T00:00:00");
        assertFault(rejection(body), 400, "Verplicht: Betalingsconditie");
    }

    @Test
    void rejectsACustomerConditionTheDivisionDoesNotKnow() {
        fx.division.table(MasterData.ACCOUNTS, "ID").get(fx.customer).orElseThrow()
                .put("PaymentConditionSales", "45");
        assertFault(rejection(fx.salesEntry("INV-1", "100.00")), 400, "Ongeldige referentie: Betalingsconditie");
    }

    @Test
    void rejectsBlockedVatCode() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        firstLine(body).put("VATCode", "9");
        assertFault(rejection(body), 400, "Geblokkeerd: Btw-code");
    }

    @Test
    void rejectsExclusiveVatAmountOnAnInclusiveVatCode() {
        Map<String, Object> body = fx.salesEntry("INV-1", "121.00");
        firstLine(body).put("VATCode", "3");
        firstLine(body).put("VATAmountFC", "25.41");
        assertFault(rejection(body), 400,
                "Invoer 1: Het bedrag van de BTW regel met BTW code 3 komt niet overeen met het berekende btw-bedrag");
    }

    @Test
    void readsAnInclusiveVatCodeLineAsIncludingVat() {
        Map<String, Object> body = fx.salesEntry("INV-1", "121.00");
        firstLine(body).put("VATCode", "3");
        Map<String, Object> created = sales.create(fx.division, body, context);
        assertThat(created).containsEntry("AmountFC", new java.math.BigDecimal("121.00"))
                .containsEntry("VATAmountFC", new java.math.BigDecimal("21.00"));
    }

    @Test
    void rejectsCustomerWhoseReceivablesAccountIsNotTheJournals() {
        Map<String, Object> body = fx.salesEntry("INV-1", "100.00");
        body.put("Customer", fx.customerWithOwnReceivablesAccount.toString());
        assertFault(rejection(body), 400,
                "De klantenrekening van deze relatie is niet gelijk aan de rekening van het gebruikte verkoopdagboek");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstLine(Map<String, Object> body) {
        return ((List<Map<String, Object>>) body.get("SalesEntryLines")).get(0);
    }
}
