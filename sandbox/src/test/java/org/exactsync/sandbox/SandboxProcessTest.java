package org.exactsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sandbox on its own: {@link ExactSandboxMain} started as a separate JVM (what {@code exec:java} runs) answers the
 * OAuth code flow and a REST route with the token it issued.
 */
class SandboxProcessTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final String REDIRECT = "http://localhost/callback";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void answersOAuthAndRestRoutesWhenStartedAsItsOwnProcess() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                ExactSandboxMain.class.getName()).redirectErrorStream(true);
        builder.environment().put("EXACT_SANDBOX_PORT", "0");
        builder.environment().put("EXACT_SANDBOX_CLIENT_ID", "process-client");
        builder.environment().put("EXACT_SANDBOX_CLIENT_SECRET", "process-secret");
        builder.environment().put("EXACT_SANDBOX_REDIRECT_URI", REDIRECT);
        Process process = builder.start();
        try {
            String baseUrl = baseUrlOf(process);

            HttpResponse<String> consent = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                    + "/api/oauth2/auth?client_id=process-client&response_type=code&redirect_uri="
                    + encode(REDIRECT))).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(consent.statusCode()).isEqualTo(302);
            String location = consent.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(REDIRECT + "?code=");
            String code = URLDecoder.decode(location.substring((REDIRECT + "?code=").length()),
                    StandardCharsets.UTF_8);

            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + encode(code)
                            + "&client_id=process-client&client_secret=process-secret&redirect_uri="
                            + encode(REDIRECT)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).isEqualTo(200);
            String accessToken = new ObjectMapper().readTree(token.body()).path("access_token").asText();
            assertThat(accessToken).isNotBlank();

            HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                    + "/api/v1/current/Me?$select=CurrentDivision")).header("Accept", "application/json")
                    .header("Authorization", "Bearer " + accessToken).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            JsonNode rows = new ObjectMapper().readTree(me.body()).path("d").path("results");
            assertThat(rows.get(0).path("CurrentDivision").asInt()).isPositive();
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The base URL from the start-up line; the child's output is drained on so it can never block on a full pipe. */
    private static String baseUrlOf(Process process) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> lines.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return matcher.group(1);
            }
        }
        throw new AssertionError("the sandbox exited before listening:\n" + seen);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
