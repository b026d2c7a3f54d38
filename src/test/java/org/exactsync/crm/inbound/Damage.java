package org.exactsync.crm.inbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/**
 * One way to make a CRM event malformed, for the contract fuzzer. {@link #apply} breaks the envelope in place (its
 * choices drawn from {@code random}) and returns the field path the answer must name; a damage must make the event
 * invalid whatever valid event it is applied to.
 */
interface Damage {

    /** Short name, shown when a case fails. */
    String name();

    /** Breaks {@code envelope} and returns the path a problem must start with (e.g. {@code data.contacts[1]}). */
    String apply(ObjectNode envelope, Random random);

    /**
     * The three ways to break a required text field of {@code data}, which every event type has: removed, blank or
     * null, and a JSON value that is not a string.
     */
    static List<Damage> requiredText(String field) {
        String path = "data." + field;
        return List.of(
                of("missing " + field, (e, r) -> {
                    ((ObjectNode) e.get("data")).remove(field);
                    return path;
                }),
                of(field + " blank or null", (e, r) -> {
                    if (r.nextBoolean()) {
                        ((ObjectNode) e.get("data")).putNull(field);
                    } else {
                        ((ObjectNode) e.get("data")).put(field, FuzzValues.oneOf(r, "", " ", "\t", "\t  "));
                    }
                    return path;
                }),
                of(field + " not a string", (e, r) -> {
                    ((ObjectNode) e.get("data")).set(field, FuzzValues.notText(r));
                    return path;
                }));
    }

    /** A damage from a name and a function. */
    static Damage of(String name, Breaker breaker) {
        return new Damage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String apply(ObjectNode envelope, Random random) {
                return breaker.apply(envelope, random);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** The function behind {@link #of}. */
    @FunctionalInterface
    interface Breaker {
        String apply(ObjectNode envelope, Random random);
    }
}
