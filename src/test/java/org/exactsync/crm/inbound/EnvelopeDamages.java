package org.exactsync.crm.inbound;

import static org.exactsync.crm.inbound.FuzzValues.notArray;
import static org.exactsync.crm.inbound.FuzzValues.notObject;
import static org.exactsync.crm.inbound.FuzzValues.notText;
import static org.exactsync.crm.inbound.FuzzValues.oneOf;
import static org.exactsync.crm.inbound.FuzzValues.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/** Damages to the contract's envelope, shared by every event type (rules: crm-contract.md, EnvelopeReader). */
final class EnvelopeDamages {

    private static final List<Damage> ALL = List.of(
            Damage.of("eventId missing", (e, r) -> {
                e.remove("eventId");
                return "eventId";
            }),
            Damage.of("eventId blank, too long or not a string", (e, r) -> {
                switch (r.nextInt(3)) {
                    case 0 -> e.put("eventId", oneOf(r, "", "  "));
                    case 1 -> e.put("eventId", "e".repeat(101 + r.nextInt(200)));
                    default -> e.set("eventId", notText(r));
                }
                return "eventId";
            }),
            Damage.of("type of another route or missing", (e, r) -> {
                if (r.nextBoolean()) {
                    e.remove("type");
                } else {
                    e.put("type", oneOf(r, "relation.deleted", "invoice.booked", "", "RELATION.UPSERTED", "PROJECT.UPSERTED",
                            "project.synced"));
                }
                return "type";
            }),
            Damage.of("occurredAt missing or not an instant", (e, r) -> {
                switch (r.nextInt(3)) {
                    case 0 -> e.remove("occurredAt");
                    case 1 -> e.put("occurredAt", oneOf(r, "2026-11-27", "yesterday", "27-11-2026 10:00",
                            "2026-11-27T10:00:00+25:00", text(r, 1, 20)));
                    default -> e.set("occurredAt", notText(r));
                }
                return "occurredAt";
            }),
            Damage.of("tenant not a string", (e, r) -> {
                e.set("tenant", notText(r));
                return "tenant";
            }),
            Damage.of("divisions malformed", (e, r) -> {
                switch (r.nextInt(4)) {
                    case 0 -> e.set("divisions", notArray(r));
                    case 1 -> e.putArray("divisions");
                    case 2 -> e.putArray("divisions").add(oneOf(r, "100001", "x")).add(100001);
                    default -> e.putArray("divisions").add(oneOf(r, 0, -100001, 123456, 999999));
                }
                return "divisions";
            }),
            Damage.of("division not connected", (e, r) -> {
                ArrayNode divisions = e.putArray("divisions");
                divisions.add(100001);
                divisions.add(300000 + r.nextInt(100_000));
                return "divisions";
            }),
            Damage.of("data missing or not an object", (e, r) -> {
                switch (r.nextInt(3)) {
                    case 0 -> e.remove("data");
                    case 1 -> e.putNull("data");
                    default -> e.set("data", notObject(r));
                }
                return "data";
            }));

    private EnvelopeDamages() {
    }

    static List<Damage> all() {
        return ALL;
    }
}
