package org.exactsync.bench.soak;

/**
 * How big and how hostile one soak run is. The same code runs the 400-event test and the 5,000-event bench row.
 *
 * @param events          CRM deliveries to send at least (originals, duplicates and a few invalid ones)
 * @param seed            seeds the CRM data, the order, the duplicates, the sandbox's faults and the aborts
 * @param workers         concurrent workers, each a separate "Lambda instance" (own client, handlers, caches)
 * @param divisions       Exact divisions of the one connected tenant
 * @param speed           sandbox clock speed (Exact seconds per real second)
 * @param faultRate       chance of each injected fault kind per matching Exact call (5xx, 429, lost POST answer)
 * @param abortRate       chance that a worker dies at one of its store or callback steps
 * @param maxReplayRounds bound on the event-replay runs after the storm (one per Exact minute)
 */
public record SoakSettings(int events, long seed, int workers, int divisions, double speed, double faultRate,
        double abortRate, int maxReplayRounds) {

    /** The bench harness's full run. */
    public static SoakSettings full() {
        return new SoakSettings(Integer.getInteger("soak.events", 5000), Long.getLong("soak.seed", 8L),
                Integer.getInteger("soak.workers", 4), 4, Double.parseDouble(System.getProperty("soak.speed", "60")),
                0.01, 0.004, 300);
    }

    /** The reduced run of the normal test suite: every fault kind still present. */
    public static SoakSettings reduced() {
        return new SoakSettings(400, 8L, 4, 2, 60, 0.02, 0.01, 300);
    }
}
