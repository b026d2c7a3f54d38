package org.exactsync.bench;

/** One measured code path of the connector. Each flow adds its own. */
interface Scenario {

    /** Short name for the results table. */
    String name();

    /**
     * Simulated seconds per real second for this scenario's clock. High for scenarios that only count calls; low
     * enough for budget scenarios that the workers' demand, not their latency, meets Exact's 60 calls a minute.
     */
    default double speed() {
        return 60;
    }

    /** Runs the scenario {@code operations} times against a fresh environment and reports what Exact saw. */
    ScenarioResult run(BenchEnvironment env, int operations) throws Exception;
}
