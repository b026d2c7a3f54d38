package org.exactsync.exact.model;

import org.exactsync.exact.port.TokenKey;

/**
 * Where a call goes: whose token chain it uses (tenant, site, Exact user) and which division (administration) it
 * addresses. Exact counts calls per app and division and never falls back safely to a "current" division
 * (docs/exact-reference.md §7.1), so every call names both.
 */
public record ExactTarget(TokenKey connection, int division) {

    public String tenant() {
        return connection.tenant();
    }
}
