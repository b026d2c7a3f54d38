package org.exactsync.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

import org.exactsync.crm.inbound.EventHandler;
import org.exactsync.crm.inbound.InboundPipeline;
import org.exactsync.flow.admin.TenantAdmin;
import org.exactsync.flow.connect.ConnectCallback;
import org.exactsync.flow.connect.ConnectStart;

/**
 * The local run's gateway ({@link LocalCrmGateway}) for tests outside this package: the CRM routes through the
 * inbound pipeline to the handlers given, and the connect and admin routes, over HTTP on a port of its own.
 */
public final class LocalGatewayServer implements AutoCloseable {

    private final LocalCrmGateway gateway;
    private final int port;

    private LocalGatewayServer(LocalCrmGateway gateway, int port) {
        this.gateway = gateway;
        this.port = port;
    }

    /**
     * A free port to start on. Chosen before the components are built because the connect link and Exact's redirect
     * URI must name the gateway's address.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the gateway on {@code port} (127.0.0.1). */
    public static LocalGatewayServer start(int port, InboundPipeline pipeline, List<EventHandler<?>> handlers,
            ConnectStart start, ConnectCallback callback, TenantAdmin admin) {
        LocalCrmGateway gateway = new LocalCrmGateway(true, pipeline, handlers, port,
                new LocalOperationsRoutes(start, callback, admin));
        try {
            gateway.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LocalGatewayServer(gateway, port);
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        gateway.stop();
    }
}
