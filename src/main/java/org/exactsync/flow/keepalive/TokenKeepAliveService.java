package org.exactsync.flow.keepalive;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.exactsync.exact.ExactConsentRequiredException;
import org.exactsync.exact.ExactException;
import org.exactsync.exact.ExactOnline;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.jboss.logging.Logger;

/**
 * Refreshes every active connection's token chain that has been idle too long. Exact's refresh tokens die after about
 * 30 days unused (docs/exact-reference.md §2.4) and then only a person's new consent helps; one refresh a week keeps a
 * quiet tenant connected at the cost of one token call.
 */
@ApplicationScoped
public class TokenKeepAliveService {

    private static final Logger LOG = Logger.getLogger(TokenKeepAliveService.class);

    private final ConnectionStore connections;
    private final ExactOnline exact;

    public TokenKeepAliveService(ConnectionStore connections, ExactOnline exact) {
        this.connections = connections;
        this.exact = exact;
    }

    /** Every active connection, one after another. */
    public KeepAliveReport keepAliveAll() {
        List<KeepAliveReport> reports = new ArrayList<>();
        for (ConnectionRecord connection : activeConnections()) {
            reports.add(keepAlive(connection));
        }
        return KeepAliveReport.sum(reports);
    }

    /** The active connections: a round's work items are their tenants (one token chain each). */
    public List<ConnectionRecord> activeConnections() {
        return connections.findAll().stream().filter(c -> c.status() == ConnectionStatus.ACTIVE).toList();
    }

    /** One tenant, as a fanned-out round's work item: nothing when its connection is no longer active. */
    public KeepAliveReport keepAlive(String tenant) {
        return connections.find(tenant).filter(c -> c.status() == ConnectionStatus.ACTIVE).map(this::keepAlive)
                .orElse(KeepAliveReport.sum(List.of()));
    }

    private KeepAliveReport keepAlive(ConnectionRecord connection) {
        try {
            boolean refreshed = exact.keepAlive(connection.tokenKey());
            return new KeepAliveReport(1, refreshed ? 1 : 0, List.of(), List.of());
        } catch (ExactConsentRequiredException broken) {
            markNeedsConsent(connection);
            return new KeepAliveReport(1, 0, List.of(connection.tenant()), List.of());
        } catch (ExactException passing) {
            LOG.warnf("keep-alive of tenant %s failed (%s); next round retries", connection.tenant(),
                    passing.getClass().getSimpleName());
            return new KeepAliveReport(1, 0, List.of(), List.of(connection.tenant()));
        }
    }

    private void markNeedsConsent(ConnectionRecord connection) {
        ConnectionRecord current = connection;
        // Compare-and-swap: an admin may be editing the connection at the same moment; re-read and retry a few times.
        for (int attempt = 0; attempt < 3 && current != null; attempt++) {
            ConnectionRecord broken = new ConnectionRecord(current.tenant(), current.site(), current.exactUser(),
                    current.clientId(), current.divisions(), current.defaultDivisions(),
                    ConnectionStatus.NEEDS_CONSENT, current.mode(), current.createdAt(), current.updatedAt(),
                    current.version());
            if (connections.save(broken).isPresent()) {
                LOG.warnf("tenant %s needs a new Exact consent", current.tenant());
                return;
            }
            current = connections.find(current.tenant()).orElse(null);
        }
    }
}
