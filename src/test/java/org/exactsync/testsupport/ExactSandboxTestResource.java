package org.exactsync.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import org.exactsync.sandbox.ExactSandbox;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts an Exact sandbox for a {@code @QuarkusTest} and points the application's Exact client at it (site URL and
 * the sandbox's app credentials). The test gets the running sandbox in a field annotated {@link InjectSandbox}, to
 * consent and read the sandbox's call counters.
 */
public class ExactSandboxTestResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@link ExactSandbox} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectSandbox {
    }

    private ExactSandbox sandbox;

    @Override
    public Map<String, String> start() {
        sandbox = ExactSandbox.builder().build().start();
        return Map.of(
                "exact.site-url", sandbox.baseUrl(),
                "exact.client-id", sandbox.clientId(),
                "exact.client-secret", sandbox.clientSecret(),
                "exact.redirect-uri", sandbox.redirectUri());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(sandbox,
                new TestInjector.AnnotatedAndMatchesType(InjectSandbox.class, ExactSandbox.class));
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
