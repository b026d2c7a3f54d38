package org.exactsync.crm.inbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/** One inbound event type of the CRM contract, as the fuzzer sees it: valid data, the ways to break it, its validation. */
interface ContractEvents {

    /** The envelope {@code type}. */
    String type();

    /** The route it is posted to. */
    String route();

    /** A random {@code data} object that satisfies every rule of the contract for this type. */
    ObjectNode validData(Random random);

    /** Damages to {@code data}, each of which must make the event invalid. */
    List<Damage> damages();

    /** The production validation of {@code data} and the record it binds to, behind a handler that must not run. */
    EventHandler<?> handler();
}
