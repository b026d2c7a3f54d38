package org.exactsync.sandbox.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's HTTP server: the JDK's {@link HttpServer} on a bounded thread pool, bound to the loopback address.
 */
public final class SandboxServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private SandboxServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds and starts; {@code port} 0 picks a free port. */
    public static SandboxServer start(int port, int threads, SandboxRuntime runtime, AdminApi admin) {
        // The JDK server writes headers and body separately; with Nagle on, every response waits for the client's
        // delayed ACK (~40 ms), which would make a 60-call minute take seconds. The JDK reads this once, JVM-wide.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            AtomicInteger n = new AtomicInteger();
            ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "exact-sandbox-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            server.setExecutor(executor);
            server.createContext("/api/v1/", new ApiHandler(runtime));
            server.createContext("/api/oauth2/", new OAuthHandler(runtime));
            server.createContext("/sandbox/", new AdminHandler(runtime.mapper(), admin));
            server.start();
            return new SandboxServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the Exact sandbox on port " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
