package org.exactsync.exact.port;

/**
 * Exact counts calls per app (client id) and division (docs/exact-reference.md §3.1), whichever tenant makes them; the
 * budget is keyed the same way so that every worker of every tenant on that division shares one count.
 */
public record BudgetKey(String clientId, int division) {
}
