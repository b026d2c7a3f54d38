package org.exactsync.local;

import io.quarkus.arc.profile.IfBuildProfile;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.console.Console;
import org.exactsync.console.ConsoleLinks;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.admin.TenantAdmin;
import org.exactsync.flow.connect.ConnectCallback;
import org.exactsync.flow.connect.ConnectLinks;
import org.exactsync.flow.connect.ConnectStart;
import org.exactsync.crm.inbound.HttpRequestEvent;

/**
 * The local run's connect and admin routes, served by {@link LocalCrmGateway} as API Gateway serves them in AWS:
 * {@code GET /exact/connect}, {@code GET /exact/callback}, {@code /admin/tenants/<tenant>/…} and the operator console
 * {@code /console/…}; {@code GET /local/console} (local run only) answers a fresh sign-in link for the local tenant.
 */
// Built into dev mode only (./run-local): a deployed function must not create or even know these beans.
@IfBuildProfile("dev")
@ApplicationScoped
public class LocalOperationsRoutes {

    /** Exact's redirect after consent; the redirect URI registered for the app points here. */
    static final String CALLBACK_PATH = "/exact/callback";

    /** The local run's own shortcut to a fresh console sign-in link (the printed one lasts minutes). */
    static final String CONSOLE_LINK_PATH = "/local/console";

    private final ConnectStart start;
    private final ConnectCallback callback;
    private final TenantAdmin admin;
    /** Null in tests that serve only the connect and admin routes. */
    private final Console console;
    private final ConsoleLinks consoleLinks;
    private final String localTenant;

    /** For tests: the connect and admin routes only. */
    public LocalOperationsRoutes(ConnectStart start, ConnectCallback callback, TenantAdmin admin) {
        this(start, callback, admin, null, null, (String) null);
    }

    @Inject
    LocalOperationsRoutes(ConnectStart start, ConnectCallback callback, TenantAdmin admin, Console console,
            ConsoleLinks consoleLinks, LocalRunConfig local) {
        this(start, callback, admin, console, consoleLinks, local.tenant());
    }

    private LocalOperationsRoutes(ConnectStart start, ConnectCallback callback, TenantAdmin admin, Console console,
            ConsoleLinks consoleLinks, String localTenant) {
        this.start = start;
        this.callback = callback;
        this.admin = admin;
        this.console = console;
        this.consoleLinks = consoleLinks;
        this.localTenant = localTenant;
    }

    /** Whether {@code path} is one of these routes (else the CRM routes are tried). */
    static boolean serves(String path) {
        return path.equals(ConnectLinks.START_PATH) || path.equals(CALLBACK_PATH) || path.startsWith("/admin/")
                || path.startsWith("/console/") || path.equals(CONSOLE_LINK_PATH);
    }

    /** Answers a request to one of these routes. */
    HttpResponseEvent serve(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {
        HttpRequestEvent request = new HttpRequestEvent(method, null, path, null, headers, query(rawQuery),
                Base64.getEncoder().encodeToString(body), true);
        if (path.equals(ConnectLinks.START_PATH)) {
            return start.start(request);
        }
        if (path.equals(CALLBACK_PATH)) {
            return callback.callback(request);
        }
        if (path.startsWith("/console/") || path.equals(CONSOLE_LINK_PATH)) {
            return console(path, request);
        }
        return admin.handle(request);
    }

    private HttpResponseEvent console(String path, HttpRequestEvent request) {
        if (console == null) {
            return HttpResponseEvent.json(404, "{\"error\":\"not-found\",\"message\":\"no console here\"}");
        }
        if (path.equals(CONSOLE_LINK_PATH)) {
            return consoleLinks.signInUrl(localTenant)
                    .map(link -> new HttpResponseEvent(302, Map.of("Location", link, "Cache-Control", "no-store"), ""))
                    .orElseGet(() -> HttpResponseEvent.json(404, "{\"error\":\"not-found\",\"message\":"
                            + "\"the local tenant has no admin secret\"}"));
        }
        return console.handle(request);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            // API Gateway hands over the first value of a repeated parameter; do the same.
            params.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
