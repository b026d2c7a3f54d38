package org.exactsync.flow.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exactsync.flow.relation.RelationFlowFixture.DIVISION_A;

import java.util.List;
import java.util.Map;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.mapping.FieldLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connector's field limits against the sandbox, which refuses what Exact's known limits exceed
 * (docs/exact-reference.md §5.20): a relation with every field at the connector's limit books, so no limit of the
 * connector is above the sandbox's; one character more is refused by the connector, naming the field, before any
 * Exact call.
 */
class RelationLimitsAgainstSandboxTest {

    private final RelationFlowFixture flow = new RelationFlowFixture();

    @AfterEach
    void stop() {
        flow.close();
    }

    @Test
    void booksARelationWithEveryFieldAtTheConnectorsLimit() {
        String email = "e".repeat(FieldLimits.EMAIL - "@voorbeeld.nl".length()) + "@voorbeeld.nl";
        String phone = "+31 " + "6".repeat(FieldLimits.PHONE - 4);
        String data = RelationUpsertAgainstSandboxTest.BAKERY;
        data = flow.with(data, "name", "N".repeat(FieldLimits.NAME));
        data = flow.with(data, "email", email);
        data = flow.with(data, "phone", phone);
        data = flow.with(data, "address.line1", "L".repeat(FieldLimits.ADDRESS_LINE));
        data = flow.with(data, "address.line2", "M".repeat(FieldLimits.ADDRESS_LINE));
        data = flow.with(data, "address.postcode", "P".repeat(FieldLimits.POSTCODE));
        data = flow.with(data, "address.city", "C".repeat(FieldLimits.CITY));
        data = flow.with(data, "contacts", List.of(Map.of("id", "con-max", "firstName", "Anna", "lastName",
                "de Vries", "email", email, "phone", phone, "main", true)));

        Outcome outcome = flow.process(flow.handler(ConflictPolicy.REPORT), data, DIVISION_A);

        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        assertThat(flow.accounts(DIVISION_A)).anySatisfy(account -> {
            assertThat(account.get("Name")).isEqualTo("N".repeat(FieldLimits.NAME));
            assertThat(account.get("City")).isEqualTo("C".repeat(FieldLimits.CITY));
            assertThat(account.get("Email")).isEqualTo(email);
        });
        assertThat(flow.contacts(DIVISION_A)).anySatisfy(c -> assertThat(c.get("Phone")).isEqualTo(phone));
    }

    @Test
    void refusesANameOneCharacterTooLongNamingTheFieldBeforeAnyExactCall() {
        RelationUpsertHandler handler = flow.handler(ConflictPolicy.REPORT);
        int callsBefore = flow.calls(DIVISION_A);

        var problems = handler.validate(flow.parse(flow.with(RelationUpsertAgainstSandboxTest.BAKERY, "name",
                "N".repeat(FieldLimits.NAME + 1))));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.toString()).contains("data.name")
                .contains(String.valueOf(FieldLimits.NAME)));
        assertThat(flow.calls(DIVISION_A)).isEqualTo(callsBefore);
    }
}
