package org.exactsync.local;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.CurrentUser;
import org.exactsync.exact.model.Division;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.admin.LedgerMappingAdmin;
import org.exactsync.flow.connect.ConnectionSetup;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.DiscoveredDivision;
import org.exactsync.store.DiscoveredDivisionStore;
import org.exactsync.store.SyncMode;
import org.exactsync.exact.port.TokenKey;
import org.jboss.logging.Logger;

/**
 * The local tenant's connection at start-up and at its first consent. Against a real Exact site the operator's
 * choices are the record: a restart re-lists the divisions (so the admin routes validate against a fresh list) but
 * never rewrites the selection, the defaults or the mode; only an explicit start-up mode
 * ({@code CONNECTOR_LOCAL_MODE}) changes the mode, and going live that way passes the same checks as the admin route
 * (divisions selected, ledger mappings without errors). Against the bundled sandbox (in memory, empty each run) the
 * fresh connection selects every division, so the demo books at once.
 */
final class LocalConnection {

    private static final Logger LOG = Logger.getLogger(LocalConnection.class);

    private final String tenant;
    private final Optional<SyncMode> startMode;
    private final String clientId;
    private final ConnectionStore connections;
    private final DiscoveredDivisionStore discovered;
    private final ExactOnline exact;
    private final LedgerMappingAdmin ledgers;

    LocalConnection(String tenant, Optional<SyncMode> startMode, String clientId, ConnectionStore connections,
            DiscoveredDivisionStore discovered, ExactOnline exact, LedgerMappingAdmin ledgers) {
        this.tenant = tenant;
        this.startMode = startMode;
        this.clientId = clientId;
        this.connections = connections;
        this.discovered = discovered;
        this.exact = exact;
        this.ledgers = ledgers;
    }

    /** Bundled sandbox: {@code key} is the chain of the consent just made; the store is as fresh as the sandbox. */
    void startOnSandbox(TokenKey key) {
        List<Division> divisions = listDivisions(key);
        List<Integer> codes = divisions.stream().filter(Division::active).map(Division::code).toList();
        Optional<ConnectionRecord> existing = connections.find(tenant);
        SyncMode mode = startMode.orElse(existing.map(ConnectionRecord::mode).orElse(SyncMode.DRY_RUN));
        connections.save(new ConnectionRecord(tenant, key.site(), key.exactUser(), clientId, codes,
                codes.isEmpty() ? List.of() : List.of(codes.get(0)), ConnectionStatus.ACTIVE, mode,
                existing.map(ConnectionRecord::createdAt).orElse(null), null,
                existing.map(ConnectionRecord::version).orElse(0L)));
        show(key, mode, divisions);
    }

    /**
     * Real Exact site: shows the stored connection (true) or says that a consent is needed (false). Selection and
     * defaults are left as the operator set them.
     */
    boolean startOnSite(String siteUrl) {
        Optional<ConnectionRecord> existing = connections.find(tenant)
                .filter(c -> c.status() == ConnectionStatus.ACTIVE && c.site().equals(siteUrl));
        if (existing.isEmpty()) {
            return false;
        }
        List<Division> divisions = listDivisions(existing.get().tokenKey());
        startMode.filter(mode -> mode != existing.get().mode()).ifPresent(this::apply);
        show(existing.get().tokenKey(), connections.find(tenant).map(ConnectionRecord::mode)
                .orElse(existing.get().mode()), divisions);
        return true;
    }

    /** A consent through the connect routes: the start-up mode applies to a first connection, as documented. */
    void consented(ConnectionSetup.Connected connected) {
        if (connected.connection().tenant().equals(tenant) && connected.consent() == ConnectionSetup.Consent.FIRST) {
            startMode.filter(mode -> mode != connected.connection().mode()).ifPresent(this::apply);
        }
    }

    /** Sets the mode; live only when the admin route's go-live checks pass (otherwise says why and stays). */
    private void apply(SyncMode mode) {
        Optional<ConnectionRecord> current = connections.find(tenant);
        if (current.isEmpty()) {
            return;
        }
        if (mode == SyncMode.LIVE) {
            Optional<String> refusal = current.get().divisions().isEmpty()
                    ? Optional.of("no division selected")
                    : ledgers.goLiveBlock(tenant).map(answer -> "ledger mapping errors: " + answer.body());
            if (refusal.isPresent()) {
                LOG.warnf("Tenant '%s' stays %s although the local mode asks for live: %s", tenant,
                        current.get().mode(), refusal.get());
                return;
            }
        }
        ConnectionRecord c = current.get();
        connections.save(new ConnectionRecord(c.tenant(), c.site(), c.exactUser(), c.clientId(), c.divisions(),
                c.defaultDivisions(), c.status(), mode, c.createdAt(), c.updatedAt(), c.version()))
                .ifPresentOrElse(saved -> LOG.infof("Tenant '%s' is now %s (local mode)", tenant, saved.mode()),
                        () -> LOG.warnf("Tenant '%s': the connection changed meanwhile; local mode not applied",
                                tenant));
    }

    private List<Division> listDivisions(TokenKey key) {
        CurrentUser me = exact.currentUser(key);
        List<Division> divisions = exact.divisions(new ExactTarget(key, me.currentDivision()));
        // The admin routes validate a division selection against this list (docs/operations.md).
        discovered.save(tenant, divisions.stream()
                .map(d -> new DiscoveredDivision(d.code(), d.description(), d.active())).toList());
        return divisions;
    }

    private void show(TokenKey key, SyncMode mode, List<Division> divisions) {
        List<Integer> selected = connections.find(tenant).map(ConnectionRecord::divisions).orElse(List.of());
        Function<Division, String> row = d -> String.format("%n  %8d  %-40s %s%s", d.code(), d.description(),
                d.currency(), selected.contains(d.code()) ? "  (selected)" : "");
        StringBuilder lines = new StringBuilder("Connected tenant '" + tenant + "' (" + mode + ") to " + key.site()
                + "; divisions through the connector's Exact client:");
        divisions.forEach(d -> lines.append(row.apply(d)));
        LOG.info(lines);
    }
}
