package org.exactsync.flow.connect;

import org.exactsync.crm.inbound.HttpRequestEvent;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.exact.ExactConsentRequiredException;
import org.exactsync.exact.ExactException;
import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.ExactTransientException;
import org.exactsync.flow.payment.webhook.GoLiveSubscriber;
import org.exactsync.store.ConnectState;
import org.exactsync.store.ConnectStateStore;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.DiscoveredDivision;
import org.exactsync.exact.port.TokenKey;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /exact/callback?code=…&state=…} (Exact's redirect after consent): consumes the state once, redeems the
 * code once, discovers the divisions and answers a page listing them (HTML for a browser, JSON when asked for). A
 * forged, replayed or expired state is refused with 400 before anything is stored or sent to Exact.
 */
@ApplicationScoped
public class ConnectCallback {

    private static final Logger LOG = Logger.getLogger(ConnectCallback.class);

    private final ConnectStateStore states;
    private final ExactOnline exact;
    private final ConnectionSetup setup;
    private final Clock clock;
    private final GoLiveSubscriber goLive;
    private final Answers answers;

    public ConnectCallback(ConnectStateStore states, ExactOnline exact, ConnectionSetup setup, Clock clock,
            ObjectMapper json) {
        this(states, exact, setup, clock, GoLiveSubscriber.NONE, json);
    }

    @Inject
    public ConnectCallback(ConnectStateStore states, ExactOnline exact, ConnectionSetup setup, Clock clock,
            GoLiveSubscriber goLive, ObjectMapper json) {
        this.answers = new Answers(json);
        this.states = states;
        this.exact = exact;
        this.setup = setup;
        this.clock = clock;
        this.goLive = goLive;
    }

    /** Answers Exact's redirect. */
    public HttpResponseEvent callback(HttpRequestEvent request) {
        if (!"GET".equals(request.method())) {
            return answers.error(405, "method", "use GET");
        }
        Optional<OAuthStateParam> param = OAuthStateParam.parse(request.query("state").orElse(null));
        Optional<ConnectState> state = param.flatMap(p -> states.consume(p.tenant(), p.nonce(), clock.instant()));
        if (state.isEmpty()) {
            LOG.info("consent callback refused: unknown, used or expired state");
            return answers.error(400, "bad-state", "this consent is unknown, was already completed or has expired;"
                    + " start again from a fresh connect link");
        }
        String tenant = state.get().tenant();
        Optional<String> code = request.query("code").filter(c -> !c.isBlank());
        if (request.query("error").isPresent() || code.isEmpty()) {
            LOG.infof("consent for tenant %s came back without a code", tenant);
            return answers.error(400, "no-consent", "Exact returned no authorization code (consent declined or"
                    + " cancelled); start again from a fresh connect link");
        }
        TokenKey key;
        ConnectionSetup.Connected connected;
        try {
            key = exact.connect(tenant, code.get());
            connected = setup.discoverAndSave(tenant, key);
        } catch (ExactConsentRequiredException refused) {
            LOG.infof("consent for tenant %s: Exact refused the code", tenant);
            return answers.error(400, "code-refused", "Exact refused the authorization code (already used or"
                    + " expired); start again from a fresh connect link");
        } catch (ExactTransientException unreachable) {
            return answers.error(502, "exact-unavailable", "Exact could not be reached; start again in a few"
                    + " minutes from a fresh connect link");
        } catch (ExactException other) {
            LOG.warnf("consent for tenant %s failed: %s", tenant, other.getClass().getSimpleName());
            return answers.error(502, "exact-error", "Exact answered with an error while connecting ("
                    + other.getClass().getSimpleName() + "); start again from a fresh connect link");
        }
        ConnectionRecord connection = connected.connection();
        if (connection.mode() == org.exactsync.store.SyncMode.LIVE) {
            // A re-consent of a live tenant: subscriptions may have gone with the old consent.
            goLive.subscribeNow(tenant);
        }
        LOG.infof("tenant %s connected to Exact (%d divisions, %s, %s consent)", tenant,
                connected.divisions().size(), connection.mode(), connected.consent());
        boolean wantsJson = request.header("Accept").filter(a -> a.contains("application/json")).isPresent();
        return wantsJson ? answers.json(200, summary(connected))
                : new HttpResponseEvent(200, Map.of("Content-Type", "text/html; charset=utf-8", "Cache-Control",
                        "no-store"), ConnectedPage.html(connected));
    }

    /** Said on the page and in the JSON answer when another user's or site's consent re-pointed the connection. */
    static final String REPOINTED = "This consent was given by another Exact user or on another site than the one"
            + " the tenant was connected with. Its divisions may be other companies, so the connector is now in dry"
            + " run with no division selected: nothing is booked until an operator selects the divisions and goes"
            + " live again through the tenant admin routes.";

    static Map<String, Object> summary(ConnectionSetup.Connected connected) {
        ConnectionRecord connection = connected.connection();
        List<DiscoveredDivision> divisions = connected.divisions();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", connection.tenant());
        body.put("status", "active");
        body.put("mode", connection.mode() == org.exactsync.store.SyncMode.LIVE ? "live" : "dry-run");
        body.put("divisions", connection.divisions());
        body.put("defaultDivisions", connection.defaultDivisions());
        body.put("available", divisions);
        body.put("consent", connected.consent().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (connected.consent().repointed()) {
            body.put("notice", REPOINTED);
        }
        return body;
    }
}
