package org.exactsync.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.ExactSettings;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.sandbox.DivisionProfile;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;

/**
 * What every benchmark scenario runs against: the Exact sandbox over HTTP, DynamoDB on the local backend, and the
 * connector's real Exact client, all on one clock. The clock runs {@code speed} times real time so that scenarios that
 * wait for Exact's minute windows finish quickly; figures are reported as counts and ratios, never as seconds of
 * simulated time.
 */
final class BenchEnvironment implements AutoCloseable {

    static final int DIVISION_A = 100001;
    static final int DIVISION_B = 100002;

    final AdjustableClock clock;
    final ExactSandbox sandbox;
    final TestDynamo dynamo;
    final String table;

    BenchEnvironment(double speed) {
        this(speed, null);
    }

    /**
     * {@code divisions} null: the sandbox's default divisions. The consenting user is granted every division given
     * here, which is why they are set when the sandbox is built: a division added later is outside the consent.
     */
    BenchEnvironment(double speed, List<DivisionProfile> divisions) {
        this.clock = AdjustableClock.running(Instant.parse("2026-03-02T09:00:00Z"), speed);
        ExactSandbox.Builder builder = ExactSandbox.builder().clock(clock).sleeper(clock.sleeper())
                .webhookTls(org.exactsync.sandbox.finance.LocalReceiverTls.clientContext());
        this.sandbox = (divisions == null ? builder : builder.divisions(divisions)).build().start();
        this.dynamo = TestDynamo.shared();
        this.table = dynamo.newTable("bench");
    }

    /** A new client as a new process would have it (own process id for the token lease, shared stores). */
    ExactOnlineClient newClient() {
        ExactSettings settings = ExactSettings.defaults(sandbox.baseUrl(), sandbox.clientId(), sandbox.clientSecret(),
                sandbox.redirectUri()).withRetry(new ExactSettings.Retry(4, Duration.ofMillis(200),
                        Duration.ofSeconds(2)));
        return ExactOnlineClient.create(settings, new DynamoDbTokenStore(dynamo.client(), table),
                new DynamoDbCallBudgetStore(dynamo.client(), table), clock, clock.sleeper());
    }

    /** Consents in the sandbox (which consents at once) and stores the chain through the client. */
    ExactTarget connect(ExactOnlineClient client, String tenant, int division) {
        String location = sandbox.oauth().authorize(sandbox.clientId(), sandbox.redirectUri(), "code", "bench", null);
        String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        TokenKey key = client.connect(tenant, code);
        return new ExactTarget(key, division);
    }

    /** Calls the sandbox has counted so far, all endpoints of all divisions (its own counter, not the client's). */
    int exactCalls() {
        return sandbox.calls().totalCalls(null);
    }

    int tooManyRequests() {
        return sandbox.calls().tooManyRequests(null);
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
