package org.exactsync.flow.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.exactsync.config.ExactConfig;
import org.exactsync.crm.callback.Callbacks;
import org.exactsync.crm.callback.ConnectionChanged;
import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.CurrentUser;
import org.exactsync.exact.model.Division;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.DiscoveredDivision;
import org.exactsync.store.DiscoveredDivisionStore;
import org.exactsync.store.SyncMode;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.exact.port.TokenStore;
import org.jboss.logging.Logger;

/**
 * After a consent: discovers the user's divisions ({@code current/Me}, then {@code system/Divisions} through the
 * current division, docs/exact-reference.md §2.9) and saves the connection ACTIVE.
 *
 * <p>Selection: a first connection starts in DRY_RUN with the user's current division selected and default when it
 * is active (so a dry run works at once; the admin changes it before going live), else with none. A re-consent by the
 * same Exact user on the same site keeps mode and the selection, minus divisions no longer listed or no longer active.
 * A consent by another user or on another site may open other companies: the connection goes to DRY_RUN with no
 * division selected (nothing is booked anywhere until the operator selects divisions and goes live again, with the
 * go-live checks), the CRM gets a {@code connection.changed} callback, and the superseded token chain is deleted.
 */
@ApplicationScoped
public class ConnectionSetup {

    private static final Logger LOG = Logger.getLogger(ConnectionSetup.class);
    private static final int SAVE_ATTEMPTS = 5;

    private final ExactOnline exact;
    private final ConnectionStore connections;
    private final DiscoveredDivisionStore discovered;
    private final TokenStore tokens;
    private final Callbacks callbacks;
    private final String clientId;
    private final Consumer<Connected> listener;

    @Inject
    public ConnectionSetup(ExactOnline exact, ConnectionStore connections, DiscoveredDivisionStore discovered,
            TokenStore tokens, Callbacks callbacks, ExactConfig config, Event<Connected> connectedEvents) {
        this(exact, connections, discovered, tokens, callbacks, config.clientId(), connectedEvents::fire);
    }

    /**
     * For tests and tools.
     *
     * @param listener told about every saved consent (the local run applies its start-up mode to a first one)
     */
    public ConnectionSetup(ExactOnline exact, ConnectionStore connections, DiscoveredDivisionStore discovered,
            TokenStore tokens, Callbacks callbacks, String clientId, Consumer<Connected> listener) {
        this.exact = exact;
        this.connections = connections;
        this.discovered = discovered;
        this.tokens = tokens;
        this.callbacks = callbacks;
        this.clientId = clientId;
        this.listener = listener;
    }

    /** Whose consent this was, compared with the connection it replaced. */
    public enum Consent {
        /** The tenant had no connection. */
        FIRST,
        /** The same Exact user on the same site: everything kept. */
        SAME_USER,
        /** Another Exact user on the same site: dry run, no division selected. */
        OTHER_USER,
        /** Another site (country): dry run, no division selected. */
        OTHER_SITE;

        /** Whether the connection was re-pointed and is waiting for the operator to confirm divisions. */
        public boolean repointed() {
            return this == OTHER_USER || this == OTHER_SITE;
        }
    }

    /** What a finished connect produced. */
    public record Connected(ConnectionRecord connection, List<DiscoveredDivision> divisions, Consent consent) {
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
            Consent consent = existing.map(old -> consentOf(old, key)).orElse(Consent.FIRST);
            ConnectionRecord record = switch (consent) {
                case FIRST -> first(tenant, key, active, me.currentDivision());
                case SAME_USER -> reconsented(existing.get(), key, active, me.currentDivision());
                case OTHER_USER, OTHER_SITE -> repointed(existing.get(), key);
            };
            Optional<ConnectionRecord> saved = connections.save(record);
            if (saved.isPresent()) {
                Connected connected = new Connected(saved.get(), divisions, consent);
                if (consent.repointed()) {
                    announce(existing.get(), connected, active);
                }
                listener.accept(connected);
                return connected;
            }
            // An admin or the keep-alive saved in between: read again and apply the consent on top.
        }
        throw new IllegalStateException("connection of tenant " + tenant + " kept changing during the consent");
    }

    private static Consent consentOf(ConnectionRecord old, TokenKey key) {
        if (!old.site().equals(key.site())) {
            return Consent.OTHER_SITE;
        }
        return old.exactUser().equals(key.exactUser()) ? Consent.SAME_USER : Consent.OTHER_USER;
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

    /**
     * Another user's division codes may name other companies (or the same codes other books on another site): no
     * selection survives and nothing is chosen by itself, so no event can be booked until the operator confirms.
     */
    private ConnectionRecord repointed(ConnectionRecord old, TokenKey key) {
        return new ConnectionRecord(old.tenant(), key.site(), key.exactUser(), clientId, List.of(), List.of(),
                ConnectionStatus.ACTIVE, SyncMode.DRY_RUN, old.createdAt(), old.updatedAt(), old.version());
    }

    private void announce(ConnectionRecord old, Connected connected, Set<Integer> active) {
        String reason = connected.consent() == Consent.OTHER_SITE ? "other-site" : "other-user";
        // No user ids or names: the operator finds who consented in Exact; the log only needs the fact.
        LOG.warnf("tenant %s: consent by %s; connection now dry-run with no division selected (was %s, %s);"
                + " confirm divisions and go live through the admin routes", old.tenant(),
                reason.replace('-', ' '), old.mode(), old.divisions());
        if (!old.tokenKey().equals(connected.connection().tokenKey())) {
            tokens.delete(old.tokenKey());
        }
        callbacks.send(old.tenant(), ConnectionChanged.ENTITY, ConnectionChanged.TYPE, new ConnectionChanged(reason,
                "dry-run", List.of(), old.divisions(), active.stream().sorted().toList()));
    }
}
