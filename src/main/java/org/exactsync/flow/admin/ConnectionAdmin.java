package org.exactsync.flow.admin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.connect.Answers;
import org.exactsync.flow.connect.ConnectLinks;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.flow.payment.webhook.GoLiveSubscriber;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.DiscoveredDivision;
import org.exactsync.store.DiscoveredDivisionStore;
import org.exactsync.store.SyncMode;
import org.exactsync.exact.port.TokenRecord;
import org.exactsync.exact.port.TokenStore;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The connection part of the tenant admin: status (with a fresh connect link when consent is needed), division
 * selection validated against the divisions found at consent, and the dry-run ↔ live switch. Every change is a
 * compare-and-swap on the connection's version; a lost race answers 409 (read and decide again).
 */
@ApplicationScoped
public class ConnectionAdmin {

    private static final Logger LOG = Logger.getLogger(ConnectionAdmin.class);

    private final ConnectionStore connections;
    private final DiscoveredDivisionStore discovered;
    private final TokenStore tokens;
    private final ConnectLinks links;
    private final GoLiveSubscriber goLive;
    private final Answers answers;

    public ConnectionAdmin(ConnectionStore connections, DiscoveredDivisionStore discovered, TokenStore tokens,
            ConnectLinks links, ObjectMapper json) {
        this(connections, discovered, tokens, links, GoLiveSubscriber.NONE, json);
    }

    @Inject
    public ConnectionAdmin(ConnectionStore connections, DiscoveredDivisionStore discovered, TokenStore tokens,
            ConnectLinks links, GoLiveSubscriber goLive, ObjectMapper json) {
        this.answers = new Answers(json);
        this.connections = connections;
        this.discovered = discovered;
        this.tokens = tokens;
        this.links = links;
        this.goLive = goLive;
    }

    /** The tenant's connection: {@code active}, {@code needs-consent} or {@code not-connected}. */
    public ConnectionView status(String tenant) {
        return status(tenant, Optional.empty());
    }

    /** Like {@link #status(String)}; a connect link is built under the URL {@code request} came in on if need be. */
    public ConnectionView status(String tenant, HttpRequestEvent request) {
        return status(tenant, Optional.of(request));
    }

    private ConnectionView status(String tenant, Optional<HttpRequestEvent> request) {
        Optional<ConnectionRecord> connection = connections.find(tenant);
        List<DiscoveredDivision> available = discovered.find(tenant);
        if (connection.isEmpty()) {
            return new ConnectionView(tenant, "not-connected", null, null, List.of(), List.of(), available,
                    link(tenant, request));
        }
        ConnectionRecord record = connection.get();
        // The chain can break (superseded or expired refresh token) before anyone updated the connection item.
        boolean chainBroken = tokens.find(record.tokenKey()).map(TokenRecord::status)
                .map(status -> status == ConnectionStatus.NEEDS_CONSENT).orElse(true);
        boolean needsConsent = record.status() == ConnectionStatus.NEEDS_CONSENT || chainBroken;
        return new ConnectionView(tenant, needsConsent ? "needs-consent" : "active", modeName(record.mode()),
                record.site(), record.divisions(), record.defaultDivisions(), available,
                needsConsent ? link(tenant, request) : null);
    }

    private String link(String tenant, Optional<HttpRequestEvent> request) {
        return request.map(r -> links.startUrl(tenant, r)).orElseGet(() -> links.startUrl(tenant)).orElse(null);
    }

    /** {@code PUT divisions}: every selected division must have been found active at consent. */
    public HttpResponseEvent selectDivisions(String tenant, DivisionSelection selection, HttpRequestEvent request) {
        if (selection == null || selection.divisions() == null || selection.divisions().isEmpty()) {
            return answers.error(400, "validation", "divisions must list at least one division");
        }
        Set<Integer> chosen = new LinkedHashSet<>(selection.divisions());
        List<Integer> defaults = selection.defaultDivisions() == null
                ? List.of(selection.divisions().get(0))
                : List.copyOf(new LinkedHashSet<>(selection.defaultDivisions()));
        Set<Integer> active = discovered.find(tenant).stream().filter(DiscoveredDivision::active)
                .map(DiscoveredDivision::code).collect(Collectors.toSet());
        List<Integer> unknown = chosen.stream().filter(code -> code == null || !active.contains(code)).toList();
        if (!unknown.isEmpty()) {
            return answers.error(400, "validation", "divisions " + unknown + " are not among the active divisions"
                    + " found at the last consent " + active.stream().sorted().toList());
        }
        List<Integer> outside = defaults.stream().filter(code -> !chosen.contains(code)).toList();
        if (!outside.isEmpty()) {
            return answers.error(400, "validation", "defaultDivisions " + outside + " are not selected divisions");
        }
        return change(tenant, request, old -> new ConnectionRecord(old.tenant(), old.site(), old.exactUser(),
                old.clientId(), List.copyOf(chosen), defaults, old.status(), old.mode(), old.createdAt(),
                old.updatedAt(), old.version()));
    }

    /** {@code PUT mode}: going live needs an active connection with at least one selected division. */
    public HttpResponseEvent switchMode(String tenant, ModeChange change, HttpRequestEvent request) {
        SyncMode mode;
        if (change == null || change.mode() == null) {
            return answers.error(400, "validation", "mode must be dry-run or live");
        }
        switch (change.mode()) {
            case "live" -> mode = SyncMode.LIVE;
            case "dry-run" -> mode = SyncMode.DRY_RUN;
            default -> {
                return answers.error(400, "validation", "mode must be dry-run or live");
            }
        }
        if (mode == SyncMode.LIVE) {
            ConnectionView now = status(tenant, Optional.of(request));
            if (!"active".equals(now.status())) {
                return answers.error(409, "not-ready", "the connection is " + now.status()
                        + "; consent first, then go live");
            }
            if (now.divisions().isEmpty()) {
                return answers.error(409, "not-ready", "select divisions before going live");
            }
        }
        HttpResponseEvent answer = change(tenant, request, old -> new ConnectionRecord(old.tenant(), old.site(),
                old.exactUser(), old.clientId(), old.divisions(), old.defaultDivisions(), old.status(), mode,
                old.createdAt(), old.updatedAt(), old.version()));
        if (mode == SyncMode.LIVE && answer.statusCode() == 200) {
            goLive.subscribeNow(tenant);
        }
        return answer;
    }

    private HttpResponseEvent change(String tenant, HttpRequestEvent request,
            java.util.function.UnaryOperator<ConnectionRecord> edit) {
        Optional<ConnectionRecord> current = connections.find(tenant);
        if (current.isEmpty()) {
            return answers.error(404, "not-connected", "tenant " + tenant + " is not connected to Exact Online yet");
        }
        Optional<ConnectionRecord> saved = connections.save(edit.apply(current.get()));
        if (saved.isEmpty()) {
            return answers.error(409, "conflict", "the connection changed meanwhile; read it and try again");
        }
        LOG.infof("tenant %s: connection now %s, divisions %s", tenant, saved.get().mode(), saved.get().divisions());
        return answers.json(200, status(tenant, Optional.of(request)));
    }

    static String modeName(SyncMode mode) {
        return mode == SyncMode.LIVE ? "live" : "dry-run";
    }
}
