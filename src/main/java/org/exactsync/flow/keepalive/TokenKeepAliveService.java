package org.exactsync.flow.keepalive;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.exactsync.exact.ExactConsentRequiredException;
import org.exactsync.exact.ExactException;
import org.exactsync.exact.ExactOnline;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.jboss.logging.Logger;

/**
 * Refreshes every active connection's token chain that has been idle too long. Exact's refresh tokens die after about
 * 30 days unused (exact-online-api.md §2.4) and then only a person's new consent helps; one refresh a week keeps a
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

    public KeepAliveReport keepAliveAll() {
        int looked = 0;
        int refreshed = 0;
        List<String> needsConsent = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (ConnectionRecord connection : connections.findAll()) {
            if (connection.status() != ConnectionStatus.ACTIVE) {
                continue;
            }
            looked++;
            try {
                if (exact.keepAlive(connection.tokenKey())) {
                    refreshed++;
                }
            } catch (ExactConsentRequiredException broken) {
                needsConsent.add(connection.tenant());
                markNeedsConsent(connection);
            } catch (ExactException passing) {
                failed.add(connection.tenant());
                LOG.warnf("keep-alive of tenant %s failed (%s); next round retries", connection.tenant(),
                        passing.getClass().getSimpleName());
            }
        }
        return new KeepAliveReport(looked, refreshed, needsConsent, failed);
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
