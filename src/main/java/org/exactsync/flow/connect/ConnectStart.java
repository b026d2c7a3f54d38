package org.exactsync.flow.connect;

import org.exactsync.crm.inbound.HttpRequestEvent;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.exact.ExactOnline;
import org.exactsync.store.ConnectState;
import org.exactsync.store.ConnectStateStore;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /exact/connect?tenant=…&t=…&sig=…}: checks the signed link, stores a random single-use {@code state} and
 * redirects (302) to Exact's consent page.
 */
@ApplicationScoped
public class ConnectStart {

    private static final Logger LOG = Logger.getLogger(ConnectStart.class);
    private static final int NONCE_BYTES = 32;

    private final TenantSettings tenants;
    private final ConnectStateStore states;
    private final ExactOnline exact;
    private final Clock clock;
    private final Duration linkValidity;
    private final Duration stateValidity;
    private final Answers answers;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public ConnectStart(TenantSettings tenants, ConnectStateStore states, ExactOnline exact, Clock clock,
            ConnectConfig config, ObjectMapper json) {
        this(tenants, states, exact, clock, config.linkValidity(), config.stateValidity(), json);
    }

    /** For tests and tools. */
    public ConnectStart(TenantSettings tenants, ConnectStateStore states, ExactOnline exact, Clock clock,
            Duration linkValidity, Duration stateValidity, ObjectMapper json) {
        this.answers = new Answers(json);
        this.tenants = tenants;
        this.states = states;
        this.exact = exact;
        this.clock = clock;
        this.linkValidity = linkValidity;
        this.stateValidity = stateValidity;
    }

    /** Answers the request: 302 to Exact, or 400/401 with a JSON error. */
    public HttpResponseEvent start(HttpRequestEvent request) {
        if (!"GET".equals(request.method())) {
            return answers.error(405, "method", "use GET");
        }
        String tenantId = request.query("tenant").orElse("");
        Optional<Tenant> tenant = tenants.tenant(tenantId);
        Instant now = clock.instant();
        ConnectLinkSignature.Verdict verdict = tenant
                .map(t -> ConnectLinkSignature.verify(t.inboundSecret(), tenantId, request.query("t").orElse(null),
                        request.query("sig").orElse(null), now, linkValidity))
                .orElse(ConnectLinkSignature.Verdict.MISMATCH);
        switch (verdict) {
            case VALID:
                break;
            case EXPIRED:
                return answers.error(401, "unauthorized", "this connect link has expired; ask for a fresh one");
            case MALFORMED:
                return answers.error(400, "bad-link", "a connect link needs tenant, t and sig");
            case MISMATCH:
            default:
                LOG.infof("connect link refused for tenant %s", tenantId);
                return answers.error(401, "unauthorized", "this connect link is not valid");
        }
        byte[] bytes = new byte[NONCE_BYTES];
        random.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        states.save(new ConnectState(tenantId, nonce, now, now.plus(stateValidity)));
        LOG.infof("consent started for tenant %s", tenantId);
        return new HttpResponseEvent(302, Map.of("Location", exact.authorizationUrl(OAuthStateParam.of(tenantId,
                nonce)), "Cache-Control", "no-store"), "");
    }
}
