package org.exactsync.crm.inbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
