package org.exactsync.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.EntitySet;
import org.exactsync.sandbox.ExactFault;
import org.exactsync.sandbox.faults.FaultKind;
import org.exactsync.sandbox.faults.FaultRule;
import org.exactsync.sandbox.limits.RateDecision;
import org.exactsync.sandbox.oauth.AccessGrant;
import org.exactsync.sandbox.oauth.OAuthError;
import org.exactsync.sandbox.odata.KeyLiterals;
import org.exactsync.sandbox.odata.QueryOptions;
import org.exactsync.sandbox.odata.QueryPage;

/**
 * Serves {@code /api/v1/…}: bearer authentication, rate limits, injected faults, the error block, division
 * scoping, routing to the {@link EntitySet} registry and the OData JSON (or Atom) answer. The order of the checks
 * follows what a client can observe at Exact: no token → 401 (uncounted, the client is unknown); otherwise every
 * call counts against the (client, division) budget before anything else is decided.
 */
final class ApiHandler implements HttpHandler {

    private static final String PREFIX = "/api/v1/";
    private static final TypeReference<Map<String, Object>> BODY = new TypeReference<>() { };

    private final SandboxRuntime rt;
    private final Replies replies;
    private final RowRenderer renderer;
    private final BodyRules bodyRules;
    private final VariantRules variantRules;

    ApiHandler(SandboxRuntime runtime) {
        this.rt = runtime;
        this.replies = new Replies(runtime.mapper());
        this.renderer = new RowRenderer(runtime.mapper());
        this.bodyRules = new BodyRules(runtime.entitySets());
        this.variantRules = new VariantRules(runtime.variants());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        ApiCall call = new ApiCall(exchange);
        try {
            serve(call);
        } catch (ExactFault fault) {
            record(call, fault.status());
            if (fault.bare()) {
                replies.errorPage(exchange, fault.status(), call.headers);
            } else {
                replies.exactError(exchange, fault.status(), fault.getMessage(), call.headers);
            }
        } catch (RuntimeException e) {
            record(call, 500);
            // The exception's type (never its message, which may carry data) helps find a sandbox bug.
            replies.exactError(exchange, 500, "An internal error occurred (" + e.getClass().getSimpleName() + ").",
                    call.headers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            record(call, 500);
        } finally {
            record(call, call.status);
            exchange.close();
        }
    }

    private void serve(ApiCall call) throws IOException, InterruptedException {
        parseTarget(call);
        String bearer = bearer(call.exchange);
        try {
            AccessGrant grant = rt.oauth().authenticate(bearer);
            call.clientId = grant.clientId();
            call.user = grant.user();
        } catch (OAuthError e) {
            rt.oauth().identify(bearer).ifPresent(g -> {
                call.clientId = g.clientId();
                call.user = g.user();
            });
            if (call.clientId != null) {
                countCall(call);
            }
            throw new ExactFault(401, "Unauthorized");
        }
        RateDecision decision = countCall(call);
        if (!decision.allowed()) {
            throw new ExactFault(429, "Too many requests");
        }
        applyFaultsBefore(call);
        if (rt.errorBlocker().isBlocked(call.clientId, call.userKey(), call.division, call.endpointKey())) {
            call.countErrors = false;
            variantRules.errorBlockHeaders(call.headers);
            throw new ExactFault(rt.errorBlockStatus(), "API rate limit exceeded");
        }
        if (call.me) {
            serveMe(call);
            return;
        }
        DivisionData division = rt.divisions().get(call.division);
        if (division == null) {
            // Exact's optional "reason" header on 403s (docs/exact-reference.md §4.2, picqer PR #451).
            call.headers.put("Reason", "NoDivisionAccess");
            throw ExactFault.forbidden("Forbidden");
        }
        if (!call.user.grantedDivisions().contains(call.division)) {
            throw ExactFault.forbidden("User division is not within division scope");
        }
        if (rt.directory().profile(call.division).map(p -> p.blockingStatus() != 0).orElse(false)) {
            call.headers.put("Reason", "DivisionBlocked");
            throw ExactFault.forbidden("Forbidden");
        }
        if (call.set == null) {
            throw ExactFault.notFound();
        }
        String method = call.exchange.getRequestMethod();
        if (!call.set.spec().allows(method)) {
            throw ExactFault.methodNotAllowed();
        }
        if ((call.count || call.navigation != null) && !method.equals("GET")) {
            throw ExactFault.methodNotAllowed();
        }
        switch (method) {
            case "GET" -> serveGet(call, division);
            case "POST" -> servePost(call, division);
            case "PUT" -> servePut(call, division);
            case "DELETE" -> serveDelete(call, division);
            default -> throw ExactFault.methodNotAllowed();
        }
    }

    private void parseTarget(ApiCall call) {
        String path = call.exchange.getRequestURI().getPath();
        String rest = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
        if (rest.equals(MeEndpoint.PATH) || rest.startsWith(MeEndpoint.PATH + "(")) {
            call.me = true;
            call.division = 0;
            call.endpoint = MeEndpoint.PATH;
            return;
        }
        int slash = rest.indexOf('/');
        String divisionText = slash < 0 ? rest : rest.substring(0, slash);
        try {
            call.division = Integer.parseInt(divisionText);
        } catch (NumberFormatException e) {
            call.division = -1;
        }
        String entity = slash < 0 ? "" : rest.substring(slash + 1);
        if (entity.endsWith("/$count")) {
            // OData's count segment (docs/exact-reference.md §1.8): the number of matching rows as plain text.
            call.count = true;
            entity = entity.substring(0, entity.length() - "/$count".length());
        }
        int close = entity.lastIndexOf(')');
        if (close > 0 && close < entity.length() - 1 && entity.charAt(close + 1) == '/') {
            // Following a __deferred link: Entity(key)/Navigation (docs/exact-reference.md §1.8).
            call.navigation = entity.substring(close + 2);
            entity = entity.substring(0, close + 1);
        }
        if (entity.endsWith(")") && entity.contains("(")) {
            int open = entity.indexOf('(');
            call.keyLiteral = entity.substring(open + 1, entity.length() - 1);
            entity = entity.substring(0, open);
        }
        call.endpoint = entity;
        call.set = rt.entitySets().get(entity);
    }

    private RateDecision countCall(ApiCall call) {
        RateDecision decision = rt.rateLimiter().count(call.clientId, call.division);
        call.headers.putAll(decision.headers());
        return decision;
    }

    private void applyFaultsBefore(ApiCall call) throws InterruptedException {
        if (rt.faults().refusesForMaintenance()) {
            throw new ExactFault(503, "Exact Online is temporarily unavailable because of maintenance.");
        }
        for (FaultRule rule : rt.faults().fire(call.exchange.getRequestMethod(), call.endpoint)) {
            switch (rule.kind()) {
                case LATENCY -> rt.sleeper().sleep(rule.delay());
                // A 5xx is a failure beneath Exact's business rules (no error message); a 4xx is a rejection.
                case STATUS -> throw rule.status() >= 500 ? ExactFault.serverError(rule.status())
                        : new ExactFault(rule.status(), "Injected fault " + rule.status());
                case TOO_MANY_REQUESTS -> {
                    long reset = Long.parseLong(call.headers.getOrDefault("X-RateLimit-Minutely-Reset", "0"));
                    call.headers.keySet().removeIf(h -> !h.startsWith("X-RateLimit-Minutely"));
                    call.headers.put("X-RateLimit-Minutely-Remaining", "0");
                    call.headers.put("X-RateLimit-Minutely-Reset", Long.toString(reset));
                    throw new ExactFault(429, "Too many requests");
                }
                case TIMEOUT_AFTER_COMMIT -> call.afterCommit = rule;
                default -> throw new IllegalStateException(rule.kind().name());
            }
        }
    }

    private void serveMe(ApiCall call) throws IOException {
        if (!call.exchange.getRequestMethod().equals("GET")) {
            throw ExactFault.methodNotAllowed();
        }
        QueryOptions options = QueryOptions.parse(call.exchange.getRequestURI().getRawQuery());
        List<Map<String, Object>> rows = List.of(rt.me().row(call.user));
        QueryPage page = rt.queries().run(MeEndpoint.SPEC, MeEndpoint.PROPERTIES, rows, options);
        String prefix = rt.baseUrl().get() + PREFIX + MeEndpoint.PATH;
        writePage(call, MeEndpoint.SPEC, MeEndpoint.PROPERTIES, page, options, prefix);
    }

    private void serveGet(ApiCall call, DivisionData division) throws IOException {
        EntitySet set = call.set;
        EndpointSpec spec = variantRules.spec(set.spec());
        QueryOptions options = QueryOptions.parse(call.exchange.getRequestURI().getRawQuery());
        String prefix = entityPrefix(call);
        if (call.count && call.keyLiteral == null) {
            int count;
            synchronized (division.lock()) {
                count = rt.queries().count(spec, set.properties(),
                        set.list(division, new BufferedContext(rt.clock(), spec.path())), options);
            }
            record(call, 200);
            replies.text(call.exchange, 200, Integer.toString(count), call.headers);
            return;
        }
        if (call.navigation != null && call.keyLiteral != null && !call.count) {
            serveNavigation(call, division, options);
            return;
        }
        if (call.count || call.navigation != null) {
            throw ExactFault.notFound();
        }
        if (call.keyLiteral != null) {
            Object key = KeyLiterals.parse(spec.keyKind(), call.keyLiteral);
            Map<String, Object> row;
            synchronized (division.lock()) {
                List<Map<String, Object>> rows = set.list(division, new BufferedContext(rt.clock(), spec.path()));
                row = rows.stream().filter(r -> key.equals(r.get(spec.keyField()))).findFirst()
                        .map(LinkedHashMap::new).orElseThrow(ExactFault::notFound);
            }
            rt.queries().checkSelect(spec, set.properties(), options);
            if (!acceptsJson(call)) {
                replies.xml(call.exchange, 200, AtomRenderer.feed(spec.path(), List.of(row)), call.headers);
                record(call, 200);
                return;
            }
            ObjectNode body = rt.mapper().createObjectNode();
            body.set("d", renderer.record(row, spec, set.properties(), options.select(), options.expand(), prefix));
            record(call, 200);
            replies.json(call.exchange, 200, rt.mapper().writeValueAsBytes(body), call.headers);
            return;
        }
        QueryPage page;
        synchronized (division.lock()) {
            List<Map<String, Object>> rows = set.list(division, new BufferedContext(rt.clock(), spec.path()));
            page = rt.queries().run(spec, set.properties(), rows, options);
            // Rows are live table maps: copy the page while the lock still guards them.
            List<Map<String, Object>> copies = new ArrayList<>(page.rows().size());
            page.rows().forEach(r -> copies.add(new LinkedHashMap<>(r)));
            page = new QueryPage(copies, page.select(), page.nextAfter(), page.nextTop(), page.count(),
                    page.bareArray());
        }
        writePage(call, spec, set.properties(), page, options, prefix);
    }

    /** {@code Entity(key)/Lines}: the embedded collection a {@code __deferred} link points at, as a feed. */
    @SuppressWarnings("unchecked")
    private void serveNavigation(ApiCall call, DivisionData division, QueryOptions options) throws IOException {
        EndpointSpec spec = call.set.spec();
        Object key = KeyLiterals.parse(spec.keyKind(), call.keyLiteral);
        String path = spec.path();
        EntitySet target = rt.entitySets().get(path.substring(0, path.lastIndexOf('/') + 1) + call.navigation);
        List<Map<String, Object>> items = new ArrayList<>();
        synchronized (division.lock()) {
            Map<String, Object> row = call.set.list(division, new BufferedContext(rt.clock(), path)).stream()
                    .filter(r -> key.equals(r.get(spec.keyField()))).findFirst().orElseThrow(ExactFault::notFound);
            if (target == null || !(row.get(call.navigation) instanceof List<?> lines)) {
                throw ExactFault.notFound();
            }
            lines.forEach(l -> items.add(new LinkedHashMap<>((Map<String, Object>) l)));
        }
        QueryPage page = rt.queries().run(target.spec(), target.properties(), items, options);
        String prefix = rt.baseUrl().get() + PREFIX + call.division + "/" + target.spec().path();
        writePage(call, target.spec(), target.properties(), page, options, prefix);
    }

    private void writePage(ApiCall call, EndpointSpec spec, Set<String> properties, QueryPage page,
            QueryOptions options, String prefix) throws IOException {
        record(call, 200);
        if (!acceptsJson(call)) {
            replies.xml(call.exchange, 200, AtomRenderer.feed(spec.path(), page.rows()), call.headers);
            return;
        }
        ArrayNode results = rt.mapper().createArrayNode();
        for (Map<String, Object> row : page.rows()) {
            results.add(renderer.record(row, spec, properties, page.select(), options.expand(), prefix));
        }
        ObjectNode body = rt.mapper().createObjectNode();
        if (page.bareArray()) {
            body.set("d", results);
        } else {
            ObjectNode d = body.putObject("d");
            d.set("results", results);
            if (page.count() != null) {
                // Exact sends the inline count as a string (docs/exact-reference.md §1.3).
                d.put("__count", Integer.toString(page.count()));
            }
            if (page.nextAfter() != null) {
                d.put("__next", NextLinks.next(entityPrefix(call), spec, options, page));
            }
        }
        replies.json(call.exchange, 200, rt.mapper().writeValueAsBytes(body), call.headers);
    }

    private void servePost(ApiCall call, DivisionData division) throws IOException, InterruptedException {
        Map<String, Object> body = readBody(call);
        EntitySet set = call.set;
        bodyRules.requireKnownProperties(set, body);
        BufferedContext context = new BufferedContext(rt.clock(), set.spec().path());
        Map<String, Object> created;
        synchronized (division.lock()) {
            created = new LinkedHashMap<>(set.create(division, body, context));
        }
        rt.publisher().accept(context.events());
        if (holdAfterCommit(call, 201)) {
            return;
        }
        String prefer = call.exchange.getRequestHeaders().getFirst("Prefer");
        boolean representation = prefer != null && prefer.contains("return=representation");
        ObjectNode out = rt.mapper().createObjectNode();
        out.set("d", representation
                ? renderer.record(created, set.spec(), set.properties(), null, entityPrefix(call))
                : renderer.keyOnly(created, set.spec(), set.properties(), entityPrefix(call)));
        record(call, 201);
        replies.json(call.exchange, 201, rt.mapper().writeValueAsBytes(out), call.headers);
    }

    private void servePut(ApiCall call, DivisionData division) throws IOException, InterruptedException {
        Object key = requireKey(call);
        Map<String, Object> body = readBody(call);
        bodyRules.requireKnownProperties(call.set, body);
        BufferedContext context = new BufferedContext(rt.clock(), call.set.spec().path());
        synchronized (division.lock()) {
            call.set.update(division, key, body, context);
        }
        rt.publisher().accept(context.events());
        if (holdAfterCommit(call, 204)) {
            return;
        }
        record(call, 204);
        replies.empty(call.exchange, 204, call.headers);
    }

    private void serveDelete(ApiCall call, DivisionData division) throws IOException, InterruptedException {
        Object key = requireKey(call);
        BufferedContext context = new BufferedContext(rt.clock(), call.set.spec().path());
        synchronized (division.lock()) {
            call.set.delete(division, key, context);
        }
        rt.publisher().accept(context.events());
        if (holdAfterCommit(call, 204)) {
            return;
        }
        record(call, 204);
        replies.empty(call.exchange, 204, call.headers);
    }

    /**
     * The "timeout after commit" fault: the write above is applied; now either drop the connection without a
     * response or hold the response past the client's timeout.
     */
    private boolean holdAfterCommit(ApiCall call, int status) throws InterruptedException {
        FaultRule rule = call.afterCommit;
        if (rule == null || rule.kind() != FaultKind.TIMEOUT_AFTER_COMMIT) {
            return false;
        }
        record(call, status);
        if (rule.delay().isZero()) {
            return true;
        }
        rt.sleeper().sleep(rule.delay());
        return false;
    }

    private Object requireKey(ApiCall call) {
        if (call.keyLiteral == null) {
            throw ExactFault.methodNotAllowed();
        }
        return KeyLiterals.parse(call.set.spec().keyKind(), call.keyLiteral);
    }

    private Map<String, Object> readBody(ApiCall call) throws IOException {
        BodyRules.requireJson(call.exchange);
        byte[] raw;
        try (InputStream in = call.exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        if (raw.length == 0) {
            throw ExactFault.badRequest("The request body is empty.");
        }
        try {
            Map<String, Object> body = rt.mapper().readValue(raw, BODY);
            if (body == null) {
                throw ExactFault.badRequest("The request body is empty.");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw ExactFault.badRequest("Error processing request stream. The request body is not valid JSON.");
        }
    }

    /**
     * Sets the final status and books the call in the counters and the error limit, once, before the response
     * leaves: a client that reads the counters right after its response must find its call there.
     */
    private void record(ApiCall call, int status) {
        if (call.recorded) {
            return;
        }
        call.recorded = true;
        call.status = status;
        if (call.clientId == null) {
            return;
        }
        rt.counters().record(call.division, call.endpointKey(), rt.clock().instant(), call.status);
        if (call.countErrors) {
            rt.errorBlocker().record(call.clientId, call.userKey(), call.division, call.endpointKey(), call.status);
        }
    }

    private String entityPrefix(ApiCall call) {
        return rt.baseUrl().get() + PREFIX + call.division + "/" + call.endpoint;
    }

    private static boolean acceptsJson(ApiCall call) {
        String accept = call.exchange.getRequestHeaders().getFirst("Accept");
        return accept != null && accept.toLowerCase().contains("application/json");
    }

    private static String bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
