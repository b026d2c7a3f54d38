package org.exactsync.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.exactsync.crm.CrmSignature;

/**
 * Runs in its own JVM on the unpacked {@code function.zip}, the way Lambda's managed Java runtime does: load the
 * handler class named in template.yaml (read from the working directory), then hand it events as byte streams, each
 * with a context whose remaining time counts down from the exported function's {@code Timeout} in the template. Prints one line of figures:
 * JVM start to the first answer, the handler's cold part, resident memory after it, and the warm handling time of
 * the following events (p50/p99). Arguments: event template file (body with {@code EVENT_ID}), inbound secret,
 * number of warm events, the API route the body is posted to (or {@code schedule}: the body is the scheduler's event
 * itself), and {@code prime} to run the SnapStart priming (what its CRaC {@code beforeCheckpoint} runs) between the
 * init phase and the first event, as Lambda does before a snapshot.
 */
public final class LambdaLauncher {

    private static long timeoutMillis;

    private LambdaLauncher() {
    }

    /** {@code Handler: a.b.C::handleRequest} of the template's Globals. */
    private static String handlerClass(List<String> sam) {
        return sam.stream().map(String::strip).filter(line -> line.startsWith("Handler:"))
                .map(line -> line.substring("Handler:".length()).strip().split("::")[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml names no Handler"));
    }

    /** The {@code Timeout} of the function exporting {@code export}: the last one above its export line. */
    private static int functionTimeoutSeconds(List<String> sam, String export) {
        int timeout = -1;
        for (String line : sam) {
            String stripped = line.strip();
            if (stripped.startsWith("Timeout:")) {
                timeout = Integer.parseInt(stripped.substring("Timeout:".length()).strip());
            }
            if (stripped.equals("QUARKUS_FUNQY_EXPORT: " + export)) {
                return timeout;
            }
        }
        throw new IllegalStateException("template.yaml has no function exporting " + export);
    }

    public static void main(String[] args) throws Exception {
        String template = Files.readString(Path.of(args[0]));
        String secret = args[1];
        int warm = Integer.parseInt(args[2]);
        String route = args[3];
        boolean prime = args.length > 4 && args[4].equals("prime");
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();

        List<String> sam = Files.readAllLines(Path.of("template.yaml"));
        String handlerClass = handlerClass(sam);
        timeoutMillis = functionTimeoutSeconds(sam, System.getenv("QUARKUS_FUNQY_EXPORT")) * 1000L;

        long loadStart = System.nanoTime();
        // Lambda's init phase: the handler class named in template.yaml is loaded and constructed.
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(handlerClass).getDeclaredConstructor().newInstance();
        long initMs = (System.nanoTime() - loadStart) / 1_000_000;
        long primeStart = System.nanoTime();
        if (prime) {
            // What the CRaC hook runs before the snapshot. org.crac refuses to fire its global context outside a
            // checkpointing runtime, so the hook's body is called directly; snapshot and restore cannot be had here.
            Class.forName("org.exactsync.snapstart.SnapStartPriming").getMethod("prime").invoke(null);
        }
        long primeMs = (System.nanoTime() - primeStart) / 1_000_000;
        long invokeStart = System.nanoTime();
        String first = invoke(handler, template, secret, "evt-cold-0", route);
        long firstDone = System.currentTimeMillis();
        long firstInvokeMs = (System.nanoTime() - invokeStart) / 1_000_000;
        long coldHandlerMs = (System.nanoTime() - loadStart) / 1_000_000;
        long rssKb = residentKb();

        List<Long> micros = new ArrayList<>();
        String last = first;
        for (int i = 1; i <= warm; i++) {
            long start = System.nanoTime();
            last = invoke(handler, template, secret, "evt-warm-" + i, route);
            micros.add((System.nanoTime() - start) / 1_000);
        }
        Collections.sort(micros);
        System.out.println(String.format(Locale.ROOT,
                "LAUNCHER firstEventMs=%d coldHandlerMs=%d initMs=%d primeMs=%d firstInvokeMs=%d rssKb=%d "
                        + "warmEvents=%d warmP50us=%d warmP99us=%d firstStatus=%s lastStatus=%s",
                firstDone - jvmStart, coldHandlerMs, initMs, primeMs, firstInvokeMs, rssKb, micros.size(),
                percentile(micros, 50), percentile(micros, 99), status(first), status(last)));
        System.exit(0);
    }

    private static String invoke(RequestStreamHandler handler, String template, String secret, String eventId,
            String route) throws Exception {
        byte[] body = template.replace("EVENT_ID", eventId).getBytes(StandardCharsets.UTF_8);
        String event;
        if (route.equals("schedule")) {
            event = new String(body, StandardCharsets.UTF_8);
        } else {
            String signature = CrmSignature.sign(secret, Instant.now(), body);
            // API Gateway's REST proxy event as the template's binary media types deliver it (base64 body).
            event = "{\"resource\":\"" + route + "\",\"path\":\"" + route + "\",\"httpMethod\":\"POST\","
                    + "\"headers\":{\"Content-Type\":\"application/json\",\"Crm-Signature\":\"" + signature
                    + "\"},\"body\":\"" + Base64.getEncoder().encodeToString(body) + "\",\"isBase64Encoded\":true}";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                new LaunchContext(eventId, System.nanoTime() + timeoutMillis * 1_000_000));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String status(String answer) {
        int at = answer.indexOf("\"statusCode\":");
        // A scheduled function answers its report, not an HTTP status.
        return at < 0 ? (answer.isBlank() ? "none" : "report") : answer.substring(at + 13,
                Math.min(answer.length(), at + 16));
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static long residentKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** The parts of Lambda's context a function may read; the remaining time counts down to {@code endNanos}. */
    private record LaunchContext(String requestId, long endNanos) implements Context {

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/bench";
        }

        @Override
        public String getLogStreamName() {
            return "bench";
        }

        @Override
        public String getFunctionName() {
            return "bench";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:eu-west-1:000000000000:function:bench";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return (int) Math.max(0, (endNanos - System.nanoTime()) / 1_000_000);
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.err.print(message);
                }

                @Override
                public void log(byte[] message) {
                    System.err.write(message, 0, message.length);
                }
            };
        }
    }
}
