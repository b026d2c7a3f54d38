package org.exactsync.store;

import org.exactsync.exact.port.ConnectionStatus;

import org.exactsync.exact.port.TokenKey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A tenant's link to Exact Online: which token chain it uses and which divisions it may write to. Divisions are always
 * explicit because Exact's "current division" follows whatever company the user last opened in the browser
 * (docs/exact-reference.md §7.1).
 *
 * @param tenant           the connected business (CRM tenant id)
 * @param site             Exact site base URL, e.g. {@code https://start.exactonline.nl}
 * @param exactUser        Exact {@code UserID} of the consenting user (with {@code site} and {@code tenant} it names
 *                         the {@link TokenKey})
 * @param clientId         the Exact app (client id) the tokens belong to; the call budget is counted per client id
 * @param divisions        divisions the tenant selected for sync
 * @param defaultDivisions divisions an event without {@code divisions} goes to (a subset of {@code divisions})
 * @param status           whether the token chain is usable
 * @param mode             dry run or live
 * @param createdAt        first save
 * @param updatedAt        last save
 * @param version          optimistic-lock version; 0 for a record never saved
 */
public record ConnectionRecord(
        String tenant,
        String site,
        String exactUser,
        String clientId,
        List<Integer> divisions,
        List<Integer> defaultDivisions,
        ConnectionStatus status,
        SyncMode mode,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public ConnectionRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(exactUser, "exactUser");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mode, "mode");
        divisions = List.copyOf(divisions);
        defaultDivisions = List.copyOf(defaultDivisions);
    }

    /** The token chain this connection uses. */
    public TokenKey tokenKey() {
        return new TokenKey(tenant, site, exactUser);
    }
}
