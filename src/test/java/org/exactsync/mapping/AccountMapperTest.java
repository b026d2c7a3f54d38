package org.exactsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.exactsync.exact.model.PaymentCondition;
import org.junit.jupiter.api.Test;

class AccountMapperTest {

    private static RelationUpserted relation(List<String> roles) {
        return new RelationUpserted("rel-1", roles, " Korst B.V. ", new RelationAddress("Dorpsstraat 12", null,
                "3512 AB", "Utrecht", "NL"), "info@korst.example", null, "nl 1234.56.789.b01", "12345678", 30,
                List.of(new RelationContact("con-1", "Anna", null, null, null, true)));
    }

    @Test
    void mapsACustomerToStatusCAndTheSalesCondition() {
        Map<String, String> fields = AccountMapper.accountFields(relation(List.of("customer")), Optional.of("30"));

        assertThat(fields).containsEntry("Name", "Korst B.V.").containsEntry("AddressLine1", "Dorpsstraat 12")
                .containsEntry("AddressLine2", "").containsEntry("Postcode", "3512 AB")
                .containsEntry("City", "Utrecht").containsEntry("Country", "NL")
                .containsEntry("Email", "info@korst.example").containsEntry("Phone", "")
                .containsEntry("VATNumber", "NL123456789B01").containsEntry("ChamberOfCommerce", "12345678")
                .containsEntry("Status", "C").containsEntry("PaymentConditionSales", "30")
                .doesNotContainKeys("IsSupplier", "PaymentConditionPurchase", "MainContact");
    }

    @Test
    void mapsASupplierToTheSupplierFlagAndThePurchaseConditionWithoutTouchingStatus() {
        Map<String, String> fields = AccountMapper.accountFields(relation(List.of("supplier")), Optional.of("30"));

        assertThat(fields).containsEntry("IsSupplier", "true").containsEntry("PaymentConditionPurchase", "30")
                .doesNotContainKeys("Status", "PaymentConditionSales");
    }

    @Test
    void leavesThePaymentConditionAloneWithoutATerm() {
        assertThat(AccountMapper.accountFields(relation(List.of("customer", "supplier")), Optional.empty()))
                .doesNotContainKeys("PaymentConditionSales", "PaymentConditionPurchase")
                .containsEntry("Status", "C").containsEntry("IsSupplier", "true");
    }

    @Test
    void postsOnlyNonEmptyValues() {
        Map<String, String> posted = AccountMapper.nonEmpty(AccountMapper.accountFields(relation(List.of(
                "customer")), Optional.empty()));

        assertThat(posted).doesNotContainKeys("AddressLine2", "Phone").containsKey("Name");
    }

    @Test
    void mapsAContactToItsMainFieldsOnly() {
        assertThat(ContactMapper.contactFields(new RelationContact("c", "Anna", " de Vries ", null, "+31", null)))
                .isEqualTo(Map.of("FirstName", "Anna", "LastName", "de Vries", "Email", "", "Phone", "+31"));
    }

    @Test
    void choosesThePaymentConditionByPaymentDaysAndTheLowestCodeOnATie() {
        List<PaymentCondition> conditions = List.of(new PaymentCondition("00", "Direct", 0),
                new PaymentCondition("30B", "30 dagen incasso", 30), new PaymentCondition("30 ", "30 dagen", 30),
                new PaymentCondition("60", "60 dagen", null));

        assertThat(PaymentTerms.conditionCode(30, conditions)).contains("30");
        assertThat(PaymentTerms.conditionCode(0, conditions)).contains("00");
        assertThat(PaymentTerms.conditionCode(45, conditions)).isEmpty();
        assertThat(PaymentTerms.conditionCode(60, conditions)).isEmpty();
    }
}
