package org.exactsync.crm.inbound;

import static org.exactsync.crm.inbound.FuzzValues.digits;
import static org.exactsync.crm.inbound.FuzzValues.notArray;
import static org.exactsync.crm.inbound.FuzzValues.notObject;
import static org.exactsync.crm.inbound.FuzzValues.oneOf;
import static org.exactsync.crm.inbound.FuzzValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.exactsync.mapping.RelationUpserted;
import org.exactsync.mapping.RelationValidator;

/** {@code relation.upserted} for the contract fuzzer (rules: docs/relation-flow.md). */
final class RelationEvents implements ContractEvents {

    private static final String[] COUNTRIES = {"NL", "BE", "DE", "FR", "LU", "GB", "US", "ES", "AT"};

    private final RelationValidator validator = new RelationValidator();

    @Override
    public String type() {
        return "relation.upserted";
    }

    @Override
    public String route() {
        return "/crm/relations";
    }

    @Override
    public ObjectNode validData(Random random) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("id", text(random, 1, 40));
        ArrayNode roles = data.putArray("roles");
        switch (random.nextInt(3)) {
            case 0 -> roles.add("customer");
            case 1 -> roles.add("supplier");
            default -> {
                roles.add(random.nextBoolean() ? "customer" : "supplier");
                roles.add("customer".equals(roles.get(0).asText()) ? "supplier" : "customer");
            }
        }
        data.put("name", text(random, 1, 50));
        String country = null;
        if (random.nextInt(5) > 0) {
            country = oneOf(random, COUNTRIES);
            ObjectNode address = data.putObject("address");
            optional(random, address, "line1", text(random, 1, 60));
            optional(random, address, "line2", text(random, 1, 60));
            optional(random, address, "postcode", text(random, 1, 20));
            optional(random, address, "city", text(random, 1, 30));
            address.put("country", country);
        }
        optional(random, data, "email", "i" + digits(random, random.nextInt(60)) + "@example.nl");
        optional(random, data, "phone", "+31 " + digits(random, 2) + " " + digits(random, 1 + random.nextInt(10)));
        optional(random, data, "vatNumber", oneOf(random,
                "NL" + digits(random, 9) + "B" + digits(random, 2),
                "BE0" + digits(random, 9),
                "DE" + digits(random, 9),
                "nl " + digits(random, 4) + "." + digits(random, 2) + "." + digits(random, 3) + ".b" + digits(random, 2)));
        boolean dutch = country == null || "NL".equals(country);
        optional(random, data, "chamberOfCommerce", dutch ? digits(random, 8) : text(random, 1, 40));
        if (random.nextBoolean()) {
            data.put("paymentTermDays", random.nextInt(366));
        }
        ArrayNode contacts = data.putArray("contacts");
        int count = random.nextInt(5);
        int main = random.nextInt(count + 1);
        for (int i = 0; i < count; i++) {
            ObjectNode contact = contacts.addObject();
            contact.put("id", "con-" + i + "-" + text(random, 1, 10));
            boolean first = random.nextBoolean();
            contact.put(first ? "firstName" : "lastName", text(random, 1, 50));
            optional(random, contact, first ? "lastName" : "firstName", text(random, 1, 50));
            optional(random, contact, "email", "c" + i + "@example.be");
            optional(random, contact, "phone", "06" + digits(random, 8));
            contact.put("main", i == main);
        }
        return data;
    }

    @Override
    public List<Damage> damages() {
        List<Damage> damages = new ArrayList<>();
        for (String field : List.of("id", "name")) {
            damages.addAll(Damage.requiredText(field));
        }
        damages.add(Damage.of("id too long", (e, r) -> put(e, "id", text(r, 101, 300), "data.id")));
        damages.add(Damage.of("name too long", (e, r) -> put(e, "name", text(r, 51, 300), "data.name")));
        damages.add(Damage.of("roles missing", (e, r) -> {
            data(e).remove("roles");
            return "data.roles";
        }));
        damages.add(Damage.of("roles not an array", (e, r) -> {
            data(e).set("roles", notArray(r));
            return "data.roles";
        }));
        damages.add(Damage.of("roles empty", (e, r) -> {
            data(e).putArray("roles");
            return "data.roles";
        }));
        damages.add(Damage.of("unknown role", (e, r) -> {
            ((ArrayNode) data(e).get("roles")).add(oneOf(r, "partner", "Customer", "", "debtor"));
            return "data.roles";
        }));
        damages.add(Damage.of("role twice", (e, r) -> {
            ArrayNode roles = (ArrayNode) data(e).get("roles");
            roles.add(roles.get(0).asText());
            return "data.roles";
        }));
        damages.add(Damage.of("address not an object", (e, r) -> {
            data(e).set("address", notObject(r));
            return "data.address";
        }));
        damages.add(Damage.of("address without country", (e, r) -> {
            address(e).remove("country");
            return "data.address.country";
        }));
        damages.add(Damage.of("unknown country", (e, r) -> {
            address(e).put("country", oneOf(r, "XX", "nl", "NLD", "Nederland", "", "ZZ"));
            return "data.address.country";
        }));
        damages.add(Damage.of("address field too long", (e, r) -> {
            String field = oneOf(r, "line1", "line2", "postcode", "city");
            int limit = switch (field) {
                case "postcode" -> 20;
                case "city" -> 30;
                default -> 60;
            };
            address(e).put(field, text(r, limit + 1, limit + 100));
            return "data.address." + field;
        }));
        damages.add(Damage.of("e-mail malformed", (e, r) -> put(e, "email",
                oneOf(r, "info", "info@", "@example.nl", "info@example", "in fo@example.nl", "a@b@c.nl"), "data.email")));
        damages.add(Damage.of("e-mail too long", (e, r) -> put(e, "email",
                "x".repeat(95 + r.nextInt(50)) + "@example.nl", "data.email")));
        damages.add(Damage.of("phone malformed", (e, r) -> put(e, "phone",
                oneOf(r, "call me", "+31 6 CALL", "12", "#123456", "0612345678 ext"), "data.phone")));
        damages.add(Damage.of("phone too long", (e, r) -> put(e, "phone", "+31 " + digits(r, 14 + r.nextInt(10)),
                "data.phone")));
        damages.add(Damage.of("VAT number malformed", (e, r) -> put(e, "vatNumber",
                oneOf(r, "NL" + digits(r, 5) + "B01", "NL" + digits(r, 9) + "X01", "BE" + digits(r, 4), "123456789",
                        "DE12345"), "data.vatNumber")));
        damages.add(Damage.of("VAT number too long", (e, r) -> put(e, "vatNumber", "NL" + digits(r, 25),
                "data.vatNumber")));
        damages.add(Damage.of("Dutch KvK number not 8 digits", (e, r) -> {
            if (data(e).get("address") instanceof ObjectNode address) {
                address.put("country", "NL");
            }
            return put(e, "chamberOfCommerce", oneOf(r, digits(r, 7), digits(r, 9), "1234567A", "KVK12345"),
                    "data.chamberOfCommerce");
        }));
        damages.add(Damage.of("payment term out of range or not whole", (e, r) -> {
            switch (r.nextInt(4)) {
                case 0 -> data(e).put("paymentTermDays", -1 - r.nextInt(100));
                case 1 -> data(e).put("paymentTermDays", 366 + r.nextInt(10_000));
                case 2 -> data(e).put("paymentTermDays", 14.5);
                default -> data(e).put("paymentTermDays", String.valueOf(r.nextInt(60)));
            }
            return "data.paymentTermDays";
        }));
        damages.add(Damage.of("contacts not an array", (e, r) -> {
            data(e).set("contacts", notArray(r));
            return "data.contacts";
        }));
        damages.add(Damage.of("contact not an object", (e, r) -> {
            ArrayNode contacts = contacts(e);
            contacts.add(notObject(r));
            return "data.contacts[" + (contacts.size() - 1) + "]";
        }));
        damages.add(Damage.of("contact without id", (e, r) -> {
            ObjectNode contact = anyContact(e, r);
            contact.remove("id");
            return "data.contacts[" + indexOf(e, contact) + "].id";
        }));
        damages.add(Damage.of("contact without a name", (e, r) -> {
            ObjectNode contact = anyContact(e, r);
            contact.remove("firstName");
            if (r.nextBoolean()) {
                contact.remove("lastName");
            } else {
                contact.put("lastName", " ");
            }
            return "data.contacts[" + indexOf(e, contact) + "]";
        }));
        damages.add(Damage.of("contact name too long", (e, r) -> {
            ObjectNode contact = anyContact(e, r);
            String field = oneOf(r, "firstName", "lastName");
            contact.put(field, text(r, 51, 200));
            return "data.contacts[" + indexOf(e, contact) + "]." + field;
        }));
        damages.add(Damage.of("contact e-mail malformed", (e, r) -> {
            ObjectNode contact = anyContact(e, r);
            contact.put("email", oneOf(r, "anna", "anna@", "anna at example.nl"));
            return "data.contacts[" + indexOf(e, contact) + "].email";
        }));
        damages.add(Damage.of("contact main not a boolean", (e, r) -> {
            ObjectNode contact = anyContact(e, r);
            contact.set("main", oneOf(r, JsonNodeFactory.instance.textNode("true"),
                    JsonNodeFactory.instance.numberNode(1)));
            return "data.contacts[" + indexOf(e, contact) + "].main";
        }));
        damages.add(Damage.of("two main contacts", (e, r) -> {
            ArrayNode contacts = contacts(e);
            contacts.addObject().put("id", "extra-main-1").put("lastName", "Een").put("main", true);
            contacts.addObject().put("id", "extra-main-2").put("lastName", "Twee").put("main", true);
            return "data.contacts";
        }));
        damages.add(Damage.of("contact id used twice", (e, r) -> {
            ObjectNode contact = anyContact(e, r);
            ObjectNode twin = contacts(e).addObject();
            twin.set("id", contact.get("id"));
            twin.put("firstName", "Twin");
            return "data.contacts";
        }));
        return damages;
    }

    @Override
    public EventHandler<?> handler() {
        return new ValidatingOnlyHandler<>(type(), RelationUpserted.class, validator::validate);
    }

    private static void optional(Random random, ObjectNode node, String field, String value) {
        switch (random.nextInt(3)) {
            case 0 -> node.put(field, value);
            case 1 -> node.putNull(field);
            default -> {
                // absent
            }
        }
    }

    private static ObjectNode data(ObjectNode envelope) {
        return (ObjectNode) envelope.get("data");
    }

    private static String put(ObjectNode envelope, String field, String value, String path) {
        data(envelope).put(field, value);
        return path;
    }

    private static ObjectNode address(ObjectNode envelope) {
        JsonNode address = data(envelope).get("address");
        if (address instanceof ObjectNode object) {
            return object;
        }
        return data(envelope).putObject("address").put("country", "NL");
    }

    private static ArrayNode contacts(ObjectNode envelope) {
        return (ArrayNode) data(envelope).get("contacts");
    }

    /** A contact of the event, adding one when it has none. */
    private static ObjectNode anyContact(ObjectNode envelope, Random random) {
        ArrayNode contacts = contacts(envelope);
        if (contacts.isEmpty()) {
            contacts.addObject().put("id", "only").put("lastName", "Jansen").put("main", false);
        }
        return (ObjectNode) contacts.get(random.nextInt(contacts.size()));
    }

    private static int indexOf(ObjectNode envelope, ObjectNode contact) {
        ArrayNode contacts = contacts(envelope);
        for (int i = 0; i < contacts.size(); i++) {
            if (contacts.get(i) == contact) {
                return i;
            }
        }
        throw new IllegalStateException("contact not in the event");
    }
}
