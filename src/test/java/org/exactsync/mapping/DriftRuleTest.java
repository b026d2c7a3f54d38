package org.exactsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DriftRuleTest {

    private static final String ENTRY = "6f1c0000-0000-0000-0000-000000000001";
    private static final String CUSTOMER = "aa000000-0000-0000-0000-000000000001";
    private static final String OTHER = "bb000000-0000-0000-0000-000000000002";

    private static final BookedInvoice BOOKED = new BookedInvoice("inv-1", ENTRY, CUSTOMER, new BigDecimal("1000.00"),
            new BigDecimal("210.00"), List.of("8000", "8010"));

    static Stream<Arguments> entries() {
        return Stream.of(
                Arguments.of("unchanged", entry(CUSTOMER, "1000", "210", "8000", "8010"), List.of()),
                Arguments.of("same amounts at another scale", entry(CUSTOMER, "1000.0000", "210.0", "8010", "8000"),
                        List.of()),
                Arguments.of("two lines on one GL account", entry(CUSTOMER, "1000", "210", "8000", "8000", "8010"),
                        List.of()),
                Arguments.of("amount", entry(CUSTOMER, "1100.00", "210.00", "8000", "8010"),
                        List.of("amount-changed:1000.00->1100.00")),
                Arguments.of("VAT by one cent", entry(CUSTOMER, "1000.00", "210.01", "8000", "8010"),
                        List.of("vat-changed:210.00->210.01")),
                Arguments.of("customer", entry(OTHER, "1000.00", "210.00", "8000", "8010"),
                        List.of("account-changed:" + CUSTOMER + "->" + OTHER)),
                Arguments.of("GL account", entry(CUSTOMER, "1000.00", "210.00", "8000", "8100"),
                        List.of("gl-changed:8000,8010->8000,8100")),
                Arguments.of("amount and VAT", entry(CUSTOMER, "900.00", "189.00", "8000", "8010"),
                        List.of("amount-changed:1000.00->900.00", "vat-changed:210.00->189.00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void anEntryIsComparedWithWhatWasBooked(String name, ExactEntryState entry, List<String> expected) {
        List<String> found = DriftRule.invoice(BOOKED, Optional.of(entry)).stream()
                .map(d -> d.kind() + ":" + d.booked() + "->" + d.exact()).toList();

        assertThat(found).containsExactlyElementsOf(expected);
    }

    @Test
    void aMissingEntryIsOneDeletedFinding() {
        List<InvoiceDrift> found = DriftRule.invoice(BOOKED, Optional.empty());

        assertThat(found).containsExactly(new InvoiceDrift("inv-1", ENTRY, "deleted", null, null));
    }

    @Test
    void anUpperCaseCustomerGuidIsTheSameAccount() {
        assertThat(DriftRule.invoice(BOOKED, Optional.of(entry(CUSTOMER.toUpperCase(), "1000", "210", "8000",
                "8010")))).isEmpty();
    }

    static Stream<Arguments> accounts() {
        Map<String, String> sent = Map.of("Name", "Voorbeeld BV", "City", "Zeist", "Status", "C", "Email", "");
        return Stream.of(
                Arguments.of("unchanged", sent, Map.of("Name", "Voorbeeld BV", "City", "Zeist", "Status", "C",
                        "Email", "", "Phone", "0301234567"), List.of()),
                Arguments.of("city changed", sent, Map.of("Name", "Voorbeeld BV", "City", "Amersfoort",
                        "Status", "C", "Email", ""), List.of("address.city")),
                Arguments.of("a field sent empty was filled", sent, Map.of("Name", "Voorbeeld BV", "City", "Zeist",
                        "Status", "C", "Email", "x@example.org"), List.of("email")),
                Arguments.of("a field never sent is the bookkeeper's", Map.of("Name", "Voorbeeld BV"),
                        Map.of("Name", "Voorbeeld BV", "City", "Utrecht"), List.of()),
                Arguments.of("two fields, reported by CRM name in order", sent, Map.of("Name", "Ander BV",
                        "City", "Zeist", "Status", "S", "Email", ""), List.of("name", "roles")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void anAccountIsComparedWithWhatWasLastSent(String name, Map<String, String> sent, Map<String, String> now,
            List<String> expected) {
        Optional<RelationDrift> drift = DriftRule.relation("rel-1", CUSTOMER, sent, Optional.of(now));

        assertThat(drift.map(RelationDrift::fields).orElse(List.of())).containsExactlyElementsOf(expected);
        assertThat(drift.map(RelationDrift::kind)).isEqualTo(expected.isEmpty() ? Optional.empty()
                : Optional.of("changed"));
    }

    @Test
    void aMissingAccountIsReportedDeleted() {
        assertThat(DriftRule.relation("rel-1", CUSTOMER, Map.of("Name", "X"), Optional.empty()))
                .contains(new RelationDrift("rel-1", CUSTOMER, "deleted", List.of()));
    }

    private static ExactEntryState entry(String customer, String excl, String vat, String... gl) {
        return new ExactEntryState(ENTRY, customer, new BigDecimal(excl), new BigDecimal(vat), List.of(gl));
    }
}
