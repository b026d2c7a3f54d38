package org.exactsync.bench.lambda;

import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.ScheduleTick;
import org.exactsync.crm.TenantSettings;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.ExactSettings;
import org.exactsync.exact.TimedExactClients;
import org.exactsync.sandbox.DivisionProfile;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.InvocationDeadline;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What all emulated functions of one scenario share, as in AWS: the Exact sandbox (on the emulation's clock), one
 * DynamoDB table, the CRM tenants' settings, the template's function definitions and the emulation's settings.
 * Everything per instance (clients, caches) is made by {@link ConnectorInstance}.
 */
final class LambdaWorld implements AutoCloseable {

    /** Exact's round trip, which the local sandbox does not have (an assumption: a few hundred ms per call). */
    static final Duration EXACT_LATENCY = Duration.ofMillis(Long.getLong("bench.lambda.exact-latency-ms", 300));
    /**
     * An instance's init phase before its first invocation: JVM start and Quarkus boot of the packaged function, as
     * the packaged-function table measures it (3.3 to 3.5 s on this machine).
     */
    static final Duration INIT_TIME = Duration.ofMillis(Long.getLong("bench.lambda.init-ms", 3500));
    /** A function's concurrency when the template reserves none: the account's default pool. */
    static final int ACCOUNT_CONCURRENCY = Integer.getInteger("bench.lambda.concurrency", 1000);

    final ShiftingClock clock;
    final ExactSandbox sandbox;
    final TestDynamo dynamo = TestDynamo.shared();
    final String table = dynamo.newTable("lambda");
    final TenantSettings tenants;
    final WaitMode mode;
    final InvocationDeadline deadlines = new InvocationDeadline();
    final Map<String, FunctionSpec> functions = TemplateFunctions.read();
    final AtomicLong dynamoCalls = new AtomicLong();
    final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    LambdaWorld(ShiftingClock clock, ExactSandbox sandbox, TenantSettings tenants, WaitMode mode) {
        this.clock = clock;
        this.sandbox = sandbox;
        this.tenants = tenants;
        this.mode = mode;
    }

    static ShiftingClock clock(double speed) {
        return new ShiftingClock(Instant.parse("2026-11-30T16:00:00Z"), speed);
    }

    InstanceGuard newGuard() {
        return new InstanceGuard(clock, EXACT_LATENCY, dynamoCalls);
    }

    /** A DynamoDB client as one instance has it, behind that instance's guard. */
    DynamoDbClient dynamoFor(InstanceGuard guard) {
        return dynamo.backend().newClient(guard.dynamoInterceptor());
    }

    /** The production client with its default budget and retries, behind the instance's guard, in this mode. */
    ExactOnlineClient exactFor(InstanceGuard guard, DynamoDbClient client) {
        ExactSettings settings = mode.apply(ExactSettings.defaults(sandbox.baseUrl(), sandbox.clientId(),
                sandbox.clientSecret(), sandbox.redirectUri()));
        return TimedExactClients.create(settings, new DynamoDbTokenStore(client, table),
                new DynamoDbCallBudgetStore(client, table), clock, clock.sleeper(), guard.exactHop(), deadlines);
    }

    /**
     * The export's function with the template's Timeout and concurrency, instances wired by {@code wiring}; a
     * scheduled function's fan-out invokes the same function asynchronously.
     */
    @SuppressWarnings("unchecked")
    <I, O> EmulatedFunction<I, O> function(String export,
            java.util.function.Function<ConnectorInstance, java.util.function.Function<I, O>> wiring) {
        FunctionSpec spec = functions.get(export);
        if (spec == null) {
            throw new IllegalStateException("template.yaml has no function exporting " + export);
        }
        int limit = spec.reserved() == null ? ACCOUNT_CONCURRENCY : spec.reserved();
        EmulatedWorkDispatcher fanOut = new EmulatedWorkDispatcher();
        EmulatedFunction<I, O> function = new EmulatedFunction<>(spec, limit, INIT_TIME, clock, deadlines,
                this::newGuard, guard -> wiring.apply(new ConnectorInstance(this, guard, fanOut)));
        if (spec.schedule() != null) {
            fanOut.invoking((EmulatedFunction<ScheduleTick, ?>) (EmulatedFunction<?, ?>) function);
        }
        return function;
    }

    /** Dutch divisions with the given codes and the sandbox's standard master data. */
    static List<DivisionProfile> divisions(List<Integer> codes) {
        List<DivisionProfile> out = new ArrayList<>();
        for (int code : codes) {
            out.add(new DivisionProfile(code, UUID.nameUUIDFromBytes(("lambda-division-" + code)
                    .getBytes(StandardCharsets.UTF_8)), "Divisie " + code, "EUR", "NL", "NL", 1, 0, out.isEmpty(),
                    String.format(Locale.ROOT, "NL%09dB01", code), Integer.toString(40_000_000 + code % 10_000_000),
                    null));
        }
        return out;
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
