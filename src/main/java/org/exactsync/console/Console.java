package org.exactsync.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.store.AuditEntry;
import org.exactsync.store.AuditTrail;
import org.exactsync.store.ConsoleSession;
import org.jboss.logging.Logger;

/**
 * The operator console, {@code /console/<tenant>/<page>}: signs in with a link ({@link ConsoleAuth}), checks the
 * session and, for a write, its CSRF token, then hands the request to its page. Every answered write is appended to
 * the tenant's audit trail, as the JSON admin routes do. {@code /console/assets/<name>} serves the stylesheet.
 */
@ApplicationScoped
public class Console {

    private static final Logger LOG = Logger.getLogger(Console.class);
    private static final Map<String, String> ASSETS = Map.of("console.css", "text/css; charset=utf-8");

    private final ConsoleAuth auth;
    private final ConsoleTexts texts;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, ConsolePage> pages;
    private final Map<String, byte[]> assets;

    @Inject
    Console(ConsoleAuth auth, ConsoleTexts texts, AuditTrail audit, Clock clock, @Any Instance<ConsolePage> pages) {
        this(auth, texts, audit, clock, pages.stream().toList());
    }

    /** For tests and tools. */
    Console(ConsoleAuth auth, ConsoleTexts texts, AuditTrail audit, Clock clock, List<ConsolePage> pages) {
        this.auth = auth;
        this.texts = texts;
        this.audit = audit;
        this.clock = clock;
        this.pages = pages.stream().collect(Collectors.toMap(ConsolePage::name, Function.identity()));
        this.assets = ASSETS.keySet().stream().collect(Collectors.toMap(Function.identity(), Console::load));
    }

    /** Answers one request. */
    public HttpResponseEvent handle(HttpRequestEvent http) {
        Optional<String> asset = ConsoleRequest.asset(http);
        if (asset.isPresent()) {
            return asset(asset.get());
        }
        Optional<ConsoleRequest> parsed = ConsoleRequest.parse(http);
        if (parsed.isEmpty()) {
            return bare(404, texts.in("en"), "error.title", "error.notfound");
        }
        ConsoleRequest request = parsed.get();
        ConsoleTexts.Texts t = texts.in(ConsoleTexts.choose(request));
        if (request.page().equals("sign-in")) {
            return signIn(request, t);
        }
        Optional<ConsoleSession> session = auth.session(request);
        if (session.isEmpty()) {
            return bare(401, t, "signin.title", "signin.needed");
        }
        if (request.isPost() && !ConsoleAuth.csrfMatches(session.get(), request)) {
            LOG.infof("console write for tenant %s refused: no valid CSRF token", request.tenant());
            return bare(403, t, "error.title", "error.csrf");
        }
        PageContext page = new PageContext(request, session.get(), t, request.query("lang").isPresent());
        if (request.page().equals("sign-out") && request.isPost()) {
            auth.signOut(session.get());
            record(session.get(), request, 200);
            Map<String, String> headers = new LinkedHashMap<>(ConsoleLayout.HTML_HEADERS);
            headers.put("Set-Cookie", ConsoleAuth.clearedCookie());
            return new HttpResponseEvent(200, headers, shell(t, t.get("signout.title"),
                    Html.notice("ok", t.get("signout.done"))));
        }
        ConsolePage handler = pages.get(request.page());
        if (handler == null) {
            return page.render(404, "error.title", Html.notice("error", t.get("error.notfound")));
        }
        if (!request.isPost()) {
            return handler.get(page);
        }
        HttpResponseEvent answer = handler.post(page);
        record(session.get(), request, answer.statusCode());
        return answer;
    }

    private HttpResponseEvent signIn(ConsoleRequest request, ConsoleTexts.Texts t) {
        if (request.isPost()) {
            return bare(405, t, "error.title", "error.method");
        }
        ConsoleAuth.SignIn result = auth.signIn(request.tenant(), request.query("t").orElse(null),
                request.query("n").orElse(null), request.query("sig").orElse(null));
        if (result.session().isEmpty()) {
            ConsoleAuth.Refusal refusal = result.refusal().orElseThrow();
            LOG.infof("console sign-in for tenant %s refused: %s", request.tenant(), refusal);
            return bare(401, t, "signin.title", "signin." + refusal.name().toLowerCase(java.util.Locale.ROOT));
        }
        LOG.infof("console session opened for tenant %s", request.tenant());
        Map<String, String> headers = new LinkedHashMap<>(ConsoleLayout.HTML_HEADERS);
        headers.put("Set-Cookie", auth.sessionCookie(result.cookieValue()));
        // A page of our own rather than a redirect: a SameSite=Strict cookie set while arriving from a mail or chat
        // link is sent on the next same-site navigation, which this link starts.
        return new HttpResponseEvent(200, headers, shell(t, t.get("signin.title"),
                Html.notice("ok", t.get("signin.ok")) + "<p><a class=\"button\" href=\"connection\">"
                        + Html.esc(t.get("signin.continue")) + "</a></p>"));
    }

    private void record(ConsoleSession session, ConsoleRequest request, int status) {
        audit.record(new AuditEntry(session.tenant(), clock.instant(), "POST /console/" + request.page(),
                "console-session#" + session.digest().substring(0, 8), status, request.field("division")
                        .map(d -> "division " + d).orElse("")));
    }

    private HttpResponseEvent bare(int status, ConsoleTexts.Texts t, String titleKey, String messageKey) {
        return new HttpResponseEvent(status, ConsoleLayout.HTML_HEADERS, shell(t, t.get(titleKey),
                Html.notice(status >= 400 ? "error" : "info", t.get(messageKey))));
    }

    /** A page without navigation: sign-in, sign-out and refusals. */
    private static String shell(ConsoleTexts.Texts t, String title, String body) {
        return "<!doctype html>\n<html lang=\"" + t.lang() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.esc(title) + " · " + Html.esc(t.get("app.name")) + "</title>"
                + "<link rel=\"stylesheet\" href=\"../assets/console.css\"></head><body><header><p class=\"brand\">"
                + Html.esc(t.get("app.name")) + "</p></header><main id=\"main\"><h1>" + Html.esc(title) + "</h1>"
                + body + "</main></body></html>";
    }

    private HttpResponseEvent asset(String name) {
        byte[] bytes = assets.get(name);
        if (bytes == null) {
            return new HttpResponseEvent(404, Map.of("Content-Type", "text/plain"), "not found");
        }
        return new HttpResponseEvent(200, Map.of("Content-Type", ASSETS.get(name), "Cache-Control",
                "public, max-age=3600", "X-Content-Type-Options", "nosniff"),
                new String(bytes, StandardCharsets.UTF_8));
    }

    private static byte[] load(String name) {
        try (InputStream in = Console.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console asset " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
