package org.exactsync.sandbox;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox as a local process (for the local run mode and manual exploration). Settings from the
 * environment: {@code EXACT_SANDBOX_PORT} (default 8089), {@code EXACT_SANDBOX_CLIENT_ID},
 * {@code EXACT_SANDBOX_CLIENT_SECRET}, {@code EXACT_SANDBOX_REDIRECT_URI}, {@code EXACT_SANDBOX_WEBHOOK_SECRET}, and the
 * variant switches read by {@link SandboxVariants#fromEnvironment}.
 * Uses the system clock. Stops on Ctrl-C.
 */
public final class ExactSandboxMain {

    private ExactSandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ExactSandbox sandbox = fromEnvironment(System.getenv()).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }));
        // Ids only: the secrets stay in the environment that set them.
        System.out.println("Exact sandbox listening on " + sandbox.baseUrl() + " (client id " + sandbox.clientId()
                + ", divisions " + sandbox.profiles().stream().map(p -> Integer.toString(p.code())).toList() + ")");
        stopped.await();
    }

    /** A builder configured from environment variables (see class comment). */
    public static ExactSandbox.Builder fromEnvironment(Map<String, String> env) {
        ExactSandbox.Builder builder = ExactSandbox.builder()
                .clock(Clock.systemUTC())
                .port(Integer.parseInt(env.getOrDefault("EXACT_SANDBOX_PORT", "8089")))
                .variants(SandboxVariants.fromEnvironment(env));
        String clientId = env.get("EXACT_SANDBOX_CLIENT_ID");
        String secret = env.get("EXACT_SANDBOX_CLIENT_SECRET");
        String redirect = env.get("EXACT_SANDBOX_REDIRECT_URI");
        if (clientId != null && secret != null && redirect != null) {
            builder.client(clientId, secret, redirect);
        }
        String webhookSecret = env.get("EXACT_SANDBOX_WEBHOOK_SECRET");
        if (webhookSecret != null) {
            builder.webhookSecret(webhookSecret);
        }
        return builder;
    }
}
