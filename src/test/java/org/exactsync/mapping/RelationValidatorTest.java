package org.exactsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exactsync.validation.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RelationValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = """
            {"id":"rel-1001","roles":["customer"],"name":"Bakkerij De Gouden Korst B.V.",
             "address":{"line1":"Dorpsstraat 12","line2":null,"postcode":"3512 AB","city":"Utrecht","country":"NL"},
             "email":"info@goudenkorst.example","phone":"+31 30 123 4567","vatNumber":"NL123456789B01",
             "chamberOfCommerce":"12345678","paymentTermDays":30,
             "contacts":[{"id":"con-1","firstName":"Anna","lastName":"de Vries","email":"anna@goudenkorst.example",
                          "phone":null,"main":true},
                         {"id":"con-2","lastName":"Jansen"}]}
            """;

    private final RelationValidator validator = new RelationValidator();

    @Test
    void acceptsTheContractsExample() {
        assertThat(validator.validate(valid())).isEmpty();
    }

    @Test
    void acceptsTheMinimumOfIdRolesAndName() throws Exception {
        assertThat(validator.validate(JSON.readTree("{\"id\":\"r\",\"roles\":[\"supplier\"],\"name\":\"X\"}")))
                .isEmpty();
    }

    @Test
    void acceptsBelgianAndGermanVatNumbersAndSpacedDutchOnes() {
        for (String vat : List.of("BE0123456789", "DE123456789", "NL 1234.56.789.B01", "ATU12345678", "EL123456789")) {
            assertThat(validator.validate(with("vatNumber", vat))).as(vat).isEmpty();
        }
    }

    @Test
    void acceptsAForeignChamberOfCommerceNumberThatIsNotEightDigits() {
        ObjectNode data = with("chamberOfCommerce", "HRB 12345");
        ((ObjectNode) data.get("address")).put("country", "DE");
        assertThat(validator.validate(data)).isEmpty();
    }

    @Test
    void refusesMoreContactsThanTheCapNamingTheFieldAndTheCapAndAcceptsTheCap() {
        assertThat(validator.validate(withContacts(FieldLimits.MAX_CONTACTS))).isEmpty();

        List<Problem> problems = validator.validate(withContacts(FieldLimits.MAX_CONTACTS + 1));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("data.contacts");
            assertThat(problem.message()).isEqualTo("has 51 contacts; at most 50 per relation");
        });
    }

    private static ObjectNode withContacts(int count) {
        ArrayNode contacts = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            contacts.addObject().put("id", "con-" + i).put("lastName", "Contact " + i);
        }
        return with("contacts", contacts);
    }

    @Test
    void countsCharactersNotUtf16UnitsAgainstTheLimit() {
        String fiftyWithEmoji = "x".repeat(49) + "\uD83C\uDF5E";
        assertThat(validator.validate(with("name", fiftyWithEmoji))).isEmpty();
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("missing name", without("name"), "data.name"),
                bad("blank name", with("name", "  "), "data.name"),
                bad("missing id", without("id"), "data.id"),
                bad("id is a number", with("id", 1001), "data.id"),
                bad("name too long for Exact", with("name", "x".repeat(51)), "data.name"),
                bad("roles missing", without("roles"), "data.roles"),
                bad("roles empty", with("roles", List.of()), "data.roles"),
                bad("unknown role", with("roles", List.of("prospect")), "data.roles[0]"),
                bad("roles as a string", with("roles", "customer"), "data.roles"),
                bad("unknown country", address("country", "XX"), "data.address.country"),
                bad("three-letter country", address("country", "NLD"), "data.address.country"),
                bad("lower-case country", address("country", "nl"), "data.address.country"),
                bad("address without country", address("country", null), "data.address.country"),
                bad("address line too long", address("line1", "x".repeat(61)), "data.address.line1"),
                bad("city too long", address("city", "x".repeat(31)), "data.address.city"),
                bad("postcode too long", address("postcode", "x".repeat(21)), "data.address.postcode"),
                bad("address is a string", with("address", "Dorpsstraat 12"), "data.address"),
                bad("malformed Dutch VAT number", with("vatNumber", "NL12345678B01"), "data.vatNumber"),
                bad("Belgian VAT number with 9 digits", with("vatNumber", "BE123456789"), "data.vatNumber"),
                bad("German VAT number with letters", with("vatNumber", "DE12345678X"), "data.vatNumber"),
                bad("VAT number without prefix", with("vatNumber", "123456789B01"), "data.vatNumber"),
                bad("VAT number too long", with("vatNumber", "NL" + "1".repeat(20)), "data.vatNumber"),
                bad("KvK number of 7 digits", with("chamberOfCommerce", "1234567"), "data.chamberOfCommerce"),
                bad("KvK number as a number", with("chamberOfCommerce", 12345678), "data.chamberOfCommerce"),
                bad("malformed e-mail", with("email", "info.goudenkorst.example"), "data.email"),
                bad("e-mail too long", with("email", "a".repeat(95) + "@x.example"), "data.email"),
                bad("phone too long", with("phone", "+31 30 123 4567 89"), "data.phone"),
                bad("phone with letters", with("phone", "call me"), "data.phone"),
                bad("payment term as a string", with("paymentTermDays", "30"), "data.paymentTermDays"),
                bad("payment term negative", with("paymentTermDays", -1), "data.paymentTermDays"),
                bad("payment term over a year", with("paymentTermDays", 366), "data.paymentTermDays"),
                bad("payment term fractional", with("paymentTermDays", 30.5), "data.paymentTermDays"),
                bad("contacts as an object", with("contacts", JSON.createObjectNode()), "data.contacts"),
                bad("contact without id", contact(1, "id", null), "data.contacts[1].id"),
                bad("contact without any name", contact(1, "lastName", null), "data.contacts[1].lastName"),
                bad("contact first name too long", contact(0, "firstName", "x".repeat(51)),
                        "data.contacts[0].firstName"),
                bad("two main contacts", contact(1, "main", true), "data.contacts[1].main"),
                bad("main as a string", contact(0, "main", "yes"), "data.contacts[0].main"),
                bad("duplicate contact ids", contact(1, "id", "con-1"), "data.contacts[1].id"),
                bad("contact e-mail malformed", contact(0, "email", "anna"), "data.contacts[0].email"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void namesTheFieldOfEveryBadInput(String description, JsonNode data, String field) {
        List<Problem> problems = validator.validate(data);

        assertThat(problems).as(description).extracting(Problem::field).containsExactly(field);
        assertThat(problems.get(0).message()).isNotBlank();
    }

    @Test
    void neverEchoesTheValueInTheMessage() {
        List<Problem> problems = validator.validate(with("email", "secret-person.example"));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).doesNotContain("secret"));
    }

    @Test
    void refusesDataThatIsNotAnObject() {
        assertThat(validator.validate(JSON.createArrayNode())).extracting(Problem::field).containsExactly("data");
    }

    private static Arguments bad(String description, JsonNode data, String field) {
        return Arguments.of(description, data, field);
    }

    private static ObjectNode valid() {
        try {
            return (ObjectNode) JSON.readTree(VALID);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode with(String field, Object value) {
        ObjectNode data = valid();
        data.set(field, JSON.valueToTree(value));
        return data;
    }

    private static ObjectNode without(String field) {
        ObjectNode data = valid();
        data.remove(field);
        return data;
    }

    private static ObjectNode address(String field, Object value) {
        ObjectNode data = valid();
        ((ObjectNode) data.get("address")).set(field, JSON.valueToTree(value));
        return data;
    }

    private static ObjectNode contact(int index, String field, Object value) {
        ObjectNode data = valid();
        ((ObjectNode) ((ArrayNode) data.get("contacts")).get(index)).set(field, JSON.valueToTree(value));
        return data;
    }
}
