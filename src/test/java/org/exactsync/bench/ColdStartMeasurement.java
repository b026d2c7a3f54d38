package org.exactsync.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.ExactSettings;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.SyncMode;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.testsupport.DynamoBackend;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.Sleeper;

/**
 * JVM start to first handled event, resident memory and warm handler overhead of the packaged function: unpacks
 * {@code target/function.zip} and runs {@link LambdaLauncher} in a fresh JVM with the template's JVM options, against
 * the sandbox and the local DynamoDB on the real clock (a token's lifetime is checked by both sides). The first event
 * is a new relation with 2 contacts in 2 divisions (Exact calls on the local sandbox, so its latency is near zero);
 * the warm events re-send it unchanged (0 Exact calls): what is left is the connector's own work, DynamoDB included.
 * Native images cannot be built here; this is the JVM (java21 managed runtime) figure.
 */
final class ColdStartMeasurement {

    private static final String SECRET = "bench-inbound-secret";
    private static final Pattern LINE = Pattern.compile("LAUNCHER (.*)");

    private ColdStartMeasurement() {
    }

    /** One fresh function JVM: which export, what it is sent, and whether the SnapStart hooks run first. */
    private record Launch(String label, String export, String route, String event, boolean prime) {
    }

    /** Rows of (measure, value); a single explanatory row when the function was not packaged. */
    static Map<String, String> measure(int warmEvents) throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        Path zip = Path.of("target/function.zip");
        if (!Files.exists(zip)) {
            rows.put("JVM start to first handled event", "not measured: run with -Pbench (packages first)");
            return rows;
        }
        Path function = unpack(zip, Path.of("target/bench-lambda"));
        Path launcher = launcherClasses();
        TestDynamo dynamo = TestDynamo.shared();
        String table = dynamo.newTable("coldstart");
        try (ExactSandbox sandbox = ExactSandbox.builder().clock(Clock.systemUTC()).build().start()) {
            connect(sandbox, dynamo, table);
            String tick = "{\"id\":\"EVENT_ID\",\"time\":\"2026-11-27T10:00:00Z\"}";
            // Each relation launch books a relation of its own, so that with and without priming do the same work;
            // the same run, one after the other.
            List<Launch> launches = List.of(
                    new Launch("relation-upsert", "relation-upsert", "/crm/relations", relationEvent(1), false),
                    new Launch("relation-upsert, priming run before the first event", "relation-upsert",
                            "/crm/relations", relationEvent(2), true),
                    new Launch("invoice-posting", "invoice-posting", "/crm/invoices", invoiceEvent(), false),
                    new Launch("invoice-posting, priming run before the first event", "invoice-posting",
                            "/crm/invoices", invoiceEvent().replace("inv-cold-1", "inv-cold-2"), true),
                    new Launch("event-replay (schedule)", "event-replay", "schedule", tick, false),
                    new Launch("open-item-poll (schedule)", "open-item-poll", "schedule", tick, false));
            boolean first = true;
            int n = 0;
            for (Launch launch : launches) {
                int callsBefore = sandbox.calls().totalCalls(null);
                Path template = Files.createTempFile("coldstart-event", ".json");
                // Event ids of their own per launch: one table serves them all, and a reused id is a 409.
                Files.writeString(template, launch.event().replace("EVENT_ID", "launch" + ++n + "-EVENT_ID"));
                Map<String, String> f = parse(launch(function, launcher, template, sandbox, dynamo.backend(), table,
                        launch, first ? warmEvents : 0));
                Files.deleteIfExists(template);
                rows.put(launch.label() + ": JVM start to first handled event", f.get("firstEventMs") + " ms (init "
                        + f.get("initMs") + " ms, SnapStart hooks " + f.get("primeMs") + " ms, first invocation "
                        + f.get("firstInvokeMs") + " ms), resident " + Long.parseLong(f.get("rssKb")) / 1024
                        + " MB, answer " + f.get("firstStatus") + ", Exact calls "
                        + (sandbox.calls().totalCalls(null) - callsBefore));
                if (first) {
                    rows.put("relation-upsert warm event, unchanged re-send (0 Exact calls): p50 / p99",
                            f.get("warmP50us") + " µs / " + f.get("warmP99us") + " µs over " + f.get("warmEvents")
                                    + " events");
                    first = false;
                }
            }
        }
        return rows;
    }

    private static void connect(ExactSandbox sandbox, TestDynamo dynamo, String table) {
        ExactSettings settings = ExactSettings.defaults(sandbox.baseUrl(), sandbox.clientId(),
                sandbox.clientSecret(), sandbox.redirectUri());
        ExactOnlineClient client = ExactOnlineClient.create(settings, new DynamoDbTokenStore(dynamo.client(), table),
                new DynamoDbCallBudgetStore(dynamo.client(), table), Clock.systemUTC(), Sleeper.system());
        String location = sandbox.oauth().authorize(sandbox.clientId(), sandbox.redirectUri(), "code", "bench", null);
        String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        TokenKey key = client.connect("default", code);
        new DynamoDbConnectionStore(dynamo.client(), table, Clock.systemUTC()).save(new ConnectionRecord("default",
                key.site(), key.exactUser(), sandbox.clientId(),
                List.of(BenchEnvironment.DIVISION_A, BenchEnvironment.DIVISION_B),
                List.of(BenchEnvironment.DIVISION_A), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0))
                .orElseThrow();
    }

    private static String launch(Path function, Path launcher, Path template, ExactSandbox sandbox,
            DynamoBackend dynamo, String table, Launch launch, int warmEvents) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = function + ":" + function.resolve("lib") + "/*:" + launcher;
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                // Lambda's 1024 MB function (template.yaml): the JVM sizes its heap from this.
                "-XX:MaxRAM=1g", "-cp", classpath, LambdaLauncher.class.getName(), template.toString(), SECRET,
                String.valueOf(warmEvents), launch.route(), launch.prime() ? "prime" : "no-prime");
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_FUNQY_EXPORT", launch.export());
        env.put("CONNECTOR_DYNAMODB_TABLE", table);
        env.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", dynamo.endpoint().toString());
        env.put("AWS_REGION", dynamo.region());
        env.put("AWS_ACCESS_KEY_ID", dynamo.accessKey());
        env.put("AWS_SECRET_ACCESS_KEY", dynamo.secretKey());
        env.remove("AWS_SESSION_TOKEN");
        env.remove("EXACT_SECRETS_PARAMETER_PATH");
        env.put("EXACT_SITE_URL", sandbox.baseUrl());
        env.put("EXACT_CLIENT_ID", sandbox.clientId());
        env.put("EXACT_CLIENT_SECRET", sandbox.clientSecret());
        env.put("EXACT_REDIRECT_URI", sandbox.redirectUri());
        env.put("EXACT_WEBHOOK_SECRET", sandbox.webhookSecret());
        env.put("CRM_TENANTS__DEFAULT__INBOUND_SECRET", SECRET);
        env.put("CRM_TENANTS__DEFAULT__OUTBOUND_SECRET", "bench-outbound-secret");
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the function JVM did not finish in 180 s");
            }
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher line = LINE.matcher(output);
        if (!line.find()) {
            throw new IllegalStateException("the function JVM printed no figures; its output:\n" + output);
        }
        return line.group(1);
    }

    private static Map<String, String> parse(String figures) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : figures.trim().split(" ")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return values;
    }

    private static String invoiceEvent() {
        return "{\"eventId\":\"EVENT_ID\",\"type\":\"invoice.created\",\"occurredAt\":\"2026-11-27T10:00:00Z\","
                + "\"tenant\":\"default\",\"divisions\":[" + BenchEnvironment.DIVISION_A + "],\"data\":{"
                + "\"id\":\"inv-cold-1\",\"number\":\"C-1\",\"kind\":\"invoice\",\"relationId\":\"rel-cold-1\","
                + "\"date\":\"2026-11-27\",\"dueDate\":\"2026-12-27\",\"currency\":\"EUR\",\"description\":\"Cold\","
                + "\"lines\":[{\"description\":\"Werk\",\"revenueAccount\":\"8000\",\"amount\":\"100.00\","
                + "\"vatRate\":\"21\",\"vatCategory\":\"standard\",\"vatAmount\":\"21.00\"}],"
                + "\"totalExclVat\":\"100.00\",\"totalVat\":\"21.00\",\"totalInclVat\":\"121.00\"}}";
    }

    private static String relationEvent(int n) {
        return relationTemplate().replace("rel-cold-1", "rel-cold-" + n);
    }

    private static String relationTemplate() {
        return "{\"eventId\":\"EVENT_ID\",\"type\":\"relation.upserted\",\"occurredAt\":\"2026-11-27T10:00:00Z\","
                + "\"tenant\":\"default\",\"divisions\":[" + BenchEnvironment.DIVISION_A + ","
                + BenchEnvironment.DIVISION_B + "],\"data\":{\"id\":\"rel-cold-1\",\"roles\":[\"customer\"],"
                + "\"name\":\"Bakkerij De Gouden Korst B.V.\",\"address\":{\"line1\":\"Dorpsstraat 12\","
                + "\"postcode\":\"3512 AB\",\"city\":\"Utrecht\",\"country\":\"NL\"},\"vatNumber\":\"NL123456789B01\","
                + "\"contacts\":[{\"id\":\"con-1\",\"firstName\":\"Anna\",\"lastName\":\"de Vries\",\"main\":true},"
                + "{\"id\":\"con-2\",\"lastName\":\"Jansen\"}]}}";
    }

    private static Path unpack(Path zip, Path into) throws IOException {
        if (Files.exists(into)) {
            try (Stream<Path> old = Files.walk(into)) {
                old.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(into);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        return into;
    }

    /** Only the launcher's classes, so the function JVM sees nothing of the test classpath. */
    private static Path launcherClasses() throws IOException {
        Path from = Path.of("target/test-classes/org/exactsync/bench");
        Path root = Path.of("target/bench-launcher");
        Path to = root.resolve("org/exactsync/bench");
        Files.createDirectories(to);
        List<Path> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(from)) {
            files.filter(p -> p.getFileName().toString().startsWith("LambdaLauncher")).forEach(classes::add);
        }
        for (Path c : classes) {
            Files.copy(c, to.resolve(c.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return root;
    }

}
