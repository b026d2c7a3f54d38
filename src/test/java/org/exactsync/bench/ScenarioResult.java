package org.exactsync.bench;

/**
 * One row of the results table.
 *
 * @param scenario        scenario name
 * @param operations      operations measured
 * @param exactCalls      Exact calls the sandbox counted for those operations (setup excluded)
 * @param tooManyRequests 429 answers the sandbox gave during the operations
 * @param note            what else the scenario measured (e.g. peak calls in one clock minute)
 */
record ScenarioResult(String scenario, int operations, int exactCalls, int tooManyRequests, String note) {

    double callsPerOperation() {
        return operations == 0 ? 0 : (double) exactCalls / operations;
    }
}
