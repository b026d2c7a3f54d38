package org.exactsync.local;

import io.quarkus.arc.profile.IfBuildProfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.exactsync.crm.inbound.CrmRoutes;
import org.exactsync.crm.inbound.EventHandler;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.InboundPipeline;
import org.exactsync.sandbox.finance.LocalReceiverTls;
import org.exactsync.time.Deadline;
import org.exactsync.time.InvocationDeadline;
import org.exactsync.logging.SafeStackTrace;
import org.jboss.logging.Logger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The local run's API Gateway: serves the contract's CRM routes ({@code POST /crm/relations}, …) on
 * {@code connector.crm-gateway.port} (default 8090) by handing each request, as the proxy event a function would get,
 * to the route's handler through the {@link InboundPipeline}. A route whose flow is not built yet answers 404.
 * Active only with the local runtime ({@code connector.local.enabled=true}, dev mode). Each request runs inside the
 * deadline Lambda would give it: {@link #ROUTE_TIMEOUT} from its arrival (the rule of {@link Deadline#ofInvocation}).
 */
// Built into dev mode only (./run-local): a deployed function must not create or even know these beans.
@IfBuildProfile("dev")
@ApplicationScoped
public class LocalCrmGateway {

    private static final Logger LOG = Logger.getLogger(LocalCrmGateway.class);
    /** template.yaml's {@code Timeout} of the HTTP-route functions. */
    static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(28);

    private final boolean enabled;
    private final InboundPipeline pipeline;
    private final Map<String, EventHandler<?>> handlersByType;
    private final int port;
    private final List<LocalHttpRoute> extraRoutes;
    /** Connect and admin routes; null in tests that serve only the CRM routes. */
    private final LocalOperationsRoutes operations;
    private final InvocationDeadline deadlines;
    private final Clock clock;

    private HttpServer server;
    private ExecutorService executor;
    /** Port of the https listener for Exact's webhook calls; -1 (tests) for none. */
    private int httpsPort = -1;
    private HttpsServer httpsServer;

    @Inject
    LocalCrmGateway(LocalRunConfig local, InboundPipeline pipeline, @Any Instance<EventHandler<?>> handlers,
            LocalGatewayConfig gateway, @Any Instance<LocalHttpRoute> extraRoutes, LocalOperationsRoutes operations,
            InvocationDeadline deadlines, Clock clock) {
        this(local.enabled(), pipeline, handlers.stream().toList(), gateway.port(),
                local.enabled() ? extraRoutes.stream().toList() : List.of(), operations, deadlines, clock);
        this.httpsPort = local.webhookPort();
    }

    /** For tests: the handlers given, port 0 for any free port. */
    LocalCrmGateway(boolean enabled, InboundPipeline pipeline, List<EventHandler<?>> handlers, int port) {
        this(enabled, pipeline, handlers, port, List.of(), null, new InvocationDeadline(), Clock.systemUTC());
    }

    /** Also serving non-event routes (Exact webhooks, query routes), matched by exact path before the CRM routes. */
    LocalCrmGateway(boolean enabled, InboundPipeline pipeline, List<EventHandler<?>> handlers, int port,
            List<LocalHttpRoute> extraRoutes) {
        this(enabled, pipeline, handlers, port, extraRoutes, null, new InvocationDeadline(), Clock.systemUTC());
    }

    /** For tests: also the connect and admin routes. */
    LocalCrmGateway(boolean enabled, InboundPipeline pipeline, List<EventHandler<?>> handlers, int port,
            LocalOperationsRoutes operations) {
        this(enabled, pipeline, handlers, port, List.of(), operations, new InvocationDeadline(), Clock.systemUTC());
    }

    private LocalCrmGateway(boolean enabled, InboundPipeline pipeline, List<EventHandler<?>> handlers, int port,
            List<LocalHttpRoute> extraRoutes, LocalOperationsRoutes operations, InvocationDeadline deadlines,
            Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
        this.extraRoutes = List.copyOf(extraRoutes);
        this.operations = operations;
        this.enabled = enabled;
        this.pipeline = pipeline;
        this.handlersByType = handlers.stream()
                .collect(Collectors.toMap(EventHandler::type, Function.identity(), (first, second) -> first));
        this.port = port;
    }

    // After LocalRuntime (priority 1): the store must be up before the first event can be accepted.
    void onStart(@Observes @Priority(10) StartupEvent event) throws IOException {
        if (enabled) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
        LOG.infof("CRM routes on http://127.0.0.1:%d (flows present: %s)", boundPort(), handlersByType.keySet());
        if (httpsPort >= 0) {
            // Exact (and so the sandbox) calls https webhook callbacks only (docs/exact-reference.md §6.1): the same
            // routes over https with the sandbox's test certificate, which the local sandbox trusts.
            httpsServer = HttpsServer.create(new InetSocketAddress("127.0.0.1", httpsPort), 0);
            httpsServer.setHttpsConfigurator(new HttpsConfigurator(LocalReceiverTls.serverContext()));
            httpsServer.setExecutor(executor);
            httpsServer.createContext("/", this::serve);
            httpsServer.start();
            LOG.infof("Exact webhook route on https://127.0.0.1:%d/exact/webhooks",
                    httpsServer.getAddress().getPort());
        }
    }

    int boundPort() {
        return server.getAddress().getPort();
    }

    void stop() {
        if (httpsServer != null) {
            httpsServer.stop(0);
            httpsServer = null;
        }
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpResponseEvent response;
            try {
                response = deadlines.within(Deadline.ofInvocation(clock, ROUTE_TIMEOUT, true, Duration.ZERO),
                        () -> {
                            try {
                                return route(exchange);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
            } catch (UncheckedIOException unreadable) {
                throw unreadable.getCause();
            } catch (RuntimeException crash) {
                // Like a Lambda that throws: the CRM sees a 5xx and delivers again; ids only in the log.
                LOG.errorf("local CRM gateway: %s", SafeStackTrace.of(crash));
                response = HttpResponseEvent.json(500, "{\"error\":\"internal\"}");
            }
            byte[] body = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private HttpResponseEvent route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (operations != null && LocalOperationsRoutes.serves(path)) {
            return serveOperations(exchange, path);
        }
        for (LocalHttpRoute extra : extraRoutes) {
            if (extra.path().equals(path)) {
                return extra.handle(exchange.getRequestMethod(), toEvent(exchange, path), query(exchange));
            }
        }
        Optional<EventHandler<?>> handler = CrmRoutes.typeOf(path).map(handlersByType::get);
        if (handler.isEmpty()) {
            return HttpResponseEvent.json(404, "{\"error\":\"not-found\",\"message\":\"no flow serves this route\"}");
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            return HttpResponseEvent.json(405, "{\"error\":\"method\",\"message\":\"use POST\"}");
        }
        return pipeline.handle(toEvent(exchange, path), handler.get());
    }

    /** Query parameters as API Gateway's {@code queryStringParameters} gives them: first value, decoded. */
    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.putIfAbsent(name, value);
            }
        }
        return query;
    }

    private HttpResponseEvent serveOperations(HttpExchange exchange, String path) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        return operations.serve(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), headers,
                raw);
    }

    /** The request as API Gateway's proxy integration would hand it over; the body base64 so no byte changes. */
    private static HttpRequestEvent toEvent(HttpExchange exchange, String path) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        return new HttpRequestEvent(path, path, headers, Base64.getEncoder().encodeToString(raw), true);
    }
}
