package org.exactsync.crm.inbound;

import static org.exactsync.crm.inbound.FuzzValues.digits;
import static org.exactsync.crm.inbound.FuzzValues.notText;
import static org.exactsync.crm.inbound.FuzzValues.oneOf;
import static org.exactsync.crm.inbound.FuzzValues.text;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.exactsync.mapping.ProjectUpserted;
import org.exactsync.mapping.ProjectValidator;

/** {@code project.upserted} for the contract fuzzer (rules: docs/project-flow.md). */
final class ProjectEvents implements ContractEvents {

    private final ProjectValidator validator = new ProjectValidator();

    @Override
    public String type() {
        return "project.upserted";
    }

    @Override
    public String route() {
        return "/crm/projects";
    }

    @Override
    public ObjectNode validData(Random random) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("id", text(random, 1, 100));
        // At least one letter or digit: the cost center code is built from them.
        data.put("number", oneOf(random, "P", "PRJ-", "2026/") + digits(random, 1 + random.nextInt(12))
                + (random.nextBoolean() ? "" : "-" + text(random, 1, 20)));
        data.put("description", text(random, 1, 60));
        switch (random.nextInt(3)) {
            case 0 -> data.put("relationId", text(random, 1, 100));
            case 1 -> data.putNull("relationId");
            default -> {
                // absent
            }
        }
        switch (random.nextInt(3)) {
            case 0 -> data.put("active", random.nextBoolean());
            case 1 -> data.putNull("active");
            default -> {
                // absent: active
            }
        }
        return data;
    }

    @Override
    public List<Damage> damages() {
        List<Damage> damages = new ArrayList<>();
        for (String field : List.of("id", "number", "description")) {
            damages.addAll(Damage.requiredText(field));
        }
        damages.add(Damage.of("id too long", (e, r) -> put(e, "id", text(r, 101, 300), "data.id")));
        damages.add(Damage.of("number too long", (e, r) -> put(e, "number", "P" + digits(r, 100 + r.nextInt(50)),
                "data.number")));
        damages.add(Damage.of("number without letter or digit", (e, r) -> put(e, "number",
                oneOf(r, "-", "//", "—", "...", "#"), "data.number")));
        damages.add(Damage.of("description too long", (e, r) -> put(e, "description", text(r, 61, 300),
                "data.description")));
        damages.add(Damage.of("relationId not a string or too long", (e, r) -> {
            if (r.nextBoolean()) {
                data(e).set("relationId", notText(r));
            } else {
                data(e).put("relationId", text(r, 101, 200));
            }
            return "data.relationId";
        }));
        damages.add(Damage.of("active not a boolean", (e, r) -> {
            data(e).set("active", oneOf(r, JsonNodeFactory.instance.textNode("false"),
                    JsonNodeFactory.instance.numberNode(0), JsonNodeFactory.instance.textNode("yes")));
            return "data.active";
        }));
        return damages;
    }

    @Override
    public EventHandler<?> handler() {
        return new ValidatingOnlyHandler<>(type(), ProjectUpserted.class, validator::validate);
    }

    private static ObjectNode data(ObjectNode envelope) {
        return (ObjectNode) envelope.get("data");
    }

    private static String put(ObjectNode envelope, String field, String value, String path) {
        data(envelope).put(field, value);
        return path;
    }
}
