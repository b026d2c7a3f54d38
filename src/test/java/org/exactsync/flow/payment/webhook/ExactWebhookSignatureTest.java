package org.exactsync.flow.payment.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ExactWebhookSignatureTest {

    private static final String SECRET = "webhook-secret";
    private static final String CONTENT = "{\"Topic\":\"FinancialTransactions\",\"ClientId\":\"c1\",\"Division\":100001,"
            + "\"Action\":\"Create\",\"Key\":\"7b8a4a52-8f2b-4d6e-9d71-3f9a1a0c2b11\"}";

    private static byte[] body(String content, String hash) {
        return ("{\"Content\":" + content + ",\"HashCode\":\"" + hash + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsTheUpperCaseHmacOfTheRawContentAndReturnsThoseBytes() {
        String hash = ExactWebhookSignature.hashCode(SECRET, CONTENT.getBytes(StandardCharsets.UTF_8));

        assertThat(hash).matches("[0-9A-F]{64}");
        assertThat(ExactWebhookSignature.verifiedContent(body(CONTENT, hash), SECRET))
                .hasValueSatisfying(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(CONTENT));
    }

    @Test
    void refusesAnotherSecretALowerCaseHashAndAReSerialisedContent() {
        byte[] content = CONTENT.getBytes(StandardCharsets.UTF_8);
        String hash = ExactWebhookSignature.hashCode(SECRET, content);
        String reordered = "{\"Division\":100001,\"Topic\":\"FinancialTransactions\",\"ClientId\":\"c1\","
                + "\"Action\":\"Create\",\"Key\":\"7b8a4a52-8f2b-4d6e-9d71-3f9a1a0c2b11\"}";
        String spaced = CONTENT.replace(",", ", ");

        assertThat(ExactWebhookSignature.verifiedContent(body(CONTENT, hash), "other-secret")).isEmpty();
        assertThat(ExactWebhookSignature.verifiedContent(body(CONTENT, hash.toLowerCase()), SECRET)).isEmpty();
        assertThat(ExactWebhookSignature.verifiedContent(body(reordered, hash), SECRET)).isEmpty();
        assertThat(ExactWebhookSignature.verifiedContent(body(spaced, hash), SECRET)).isEmpty();
    }

    @Test
    void refusesBodiesOfAnotherShape() {
        String hash = ExactWebhookSignature.hashCode(SECRET, CONTENT.getBytes(StandardCharsets.UTF_8));

        assertThat(ExactWebhookSignature.verifiedContent(new byte[0], SECRET)).isEmpty();
        assertThat(ExactWebhookSignature.verifiedContent(("{\"HashCode\":\"" + hash + "\",\"Content\":" + CONTENT
                + "}").getBytes(StandardCharsets.UTF_8), SECRET)).isEmpty();
        assertThat(ExactWebhookSignature.verifiedContent(("{ \"Content\":" + CONTENT + ",\"HashCode\":\"" + hash
                + "\"}").getBytes(StandardCharsets.UTF_8), SECRET)).isEmpty();
        assertThat(ExactWebhookSignature.verifiedContent(body(CONTENT, hash.substring(1)), SECRET)).isEmpty();
    }
}
