package org.exactsync.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.testsupport.ExactSandboxTestResource;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A gateway on a free port ({@link ConsoleGateway}) and an Exact sandbox whose app redirects consents to that
 * gateway, so a browser walks the whole connect flow; the application builds its links under the gateway's URL.
 * The test gets both in fields of their types.
 */
public class ConsoleGatewayTestResource implements QuarkusTestResourceLifecycleManager {

    private ConsoleGateway gateway;
    private ExactSandbox sandbox;

    @Override
    public Map<String, String> start() {
        try {
            gateway = new ConsoleGateway();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sandbox = ExactSandbox.builder().client("console-client", "console-secret",
                gateway.baseUrl() + "/exact/callback").build().start();
        return Map.of(
                "exact.site-url", sandbox.baseUrl(),
                "exact.client-id", sandbox.clientId(),
                "exact.client-secret", sandbox.clientSecret(),
                "exact.redirect-uri", sandbox.redirectUri(),
                "connector.connect.public-url", gateway.baseUrl());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(gateway, new TestInjector.MatchesType(ConsoleGateway.class));
        testInjector.injectIntoFields(sandbox, new TestInjector.AnnotatedAndMatchesType(
                ExactSandboxTestResource.InjectSandbox.class, ExactSandbox.class));
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }
}
