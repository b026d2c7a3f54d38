package org.exactsync.flow.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.config.ExactConfig;
import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.CurrentUser;
import org.exactsync.exact.model.Division;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.DiscoveredDivision;
import org.exactsync.store.DiscoveredDivisionStore;
import org.exactsync.store.SyncMode;
import org.exactsync.store.TokenKey;

/**
 * After a consent: discovers the user's divisions ({@code current/Me}, then {@code system/Divisions} through the
 * current division, exact-online-api.md §2.9) and saves the connection ACTIVE.
 *
 * <p>Selection: a first connection starts in DRY_RUN with the user's current division selected and default when it
 * is active (so a dry run works at once; the admin changes it before going live), else with none. A re-consent keeps
 * mode and the selection, minus divisions no longer listed or no longer active.
 */
@ApplicationScoped
public class ConnectionSetup {

    private static final int SAVE_ATTEMPTS = 5;

    private final ExactOnline exact;
    private final ConnectionStore connections;
    private final DiscoveredDivisionStore discovered;
    private final String clientId;

    @Inject
    public ConnectionSetup(ExactOnline exact, ConnectionStore connections, DiscoveredDivisionStore discovered,
            ExactConfig config) {
        this(exact, connections, discovered, config.clientId());
    }

    /** For tests and tools. */
    public ConnectionSetup(ExactOnline exact, ConnectionStore connections, DiscoveredDivisionStore discovered,
            String clientId) {
        this.exact = exact;
        this.connections = connections;
        this.discovered = discovered;
        this.clientId = clientId;
    }

    /** What a finished connect produced. */
    public record Connected(ConnectionRecord connection, List<DiscoveredDivision> divisions) {
    }

    /** Redeems nothing itself: {@code key} is the chain {@code ExactOnline.connect} just stored. */
    public Connected discoverAndSave(String tenant, TokenKey key) {
        CurrentUser me = exact.currentUser(key);
        List<Division> listed = exact.divisions(new ExactTarget(key, me.currentDivision()));
        List<DiscoveredDivision> divisions = listed.stream()
                .map(d -> new DiscoveredDivision(d.code(), d.description(), d.active()))
                .toList();
        discovered.save(tenant, divisions);
        Set<Integer> active = divisions.stream().filter(DiscoveredDivision::active).map(DiscoveredDivision::code)
                .collect(Collectors.toSet());
        for (int attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
            Optional<ConnectionRecord> existing = connections.find(tenant);
            ConnectionRecord record = existing
                    .map(old -> reconsented(old, key, active, me.currentDivision()))
                    .orElseGet(() -> first(tenant, key, active, me.currentDivision()));
            Optional<ConnectionRecord> saved = connections.save(record);
            if (saved.isPresent()) {
                return new Connected(saved.get(), divisions);
            }
            // An admin or the keep-alive saved in between: read again and apply the consent on top.
        }
        throw new IllegalStateException("connection of tenant " + tenant + " kept changing during the consent");
    }

    private ConnectionRecord first(String tenant, TokenKey key, Set<Integer> active, int current) {
        List<Integer> selected = active.contains(current) ? List.of(current) : List.of();
        return new ConnectionRecord(tenant, key.site(), key.exactUser(), clientId, selected, selected,
                ConnectionStatus.ACTIVE, SyncMode.DRY_RUN, null, null, 0);
    }

    private ConnectionRecord reconsented(ConnectionRecord old, TokenKey key, Set<Integer> active, int current) {
        List<Integer> selected = new ArrayList<>(old.divisions().stream().filter(active::contains).toList());
        List<Integer> defaults = new ArrayList<>(old.defaultDivisions().stream().filter(selected::contains).toList());
        if (selected.isEmpty() && active.contains(current)) {
            selected.add(current);
            defaults = new ArrayList<>(List.of(current));
        }
        return new ConnectionRecord(old.tenant(), key.site(), key.exactUser(), clientId, selected, defaults,
                ConnectionStatus.ACTIVE, old.mode(), old.createdAt(), old.updatedAt(), old.version());
    }
}
