package org.exactsync.crm.callback;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.exactsync.crm.CrmSignature;

/** POSTs one signed callback to a CRM. Package-private: nothing outside {@code crm.callback} sees HTTP. */
class CallbackSender {

    /** What one delivery attempt got. */
    record Delivery(boolean ok, String detail) {
    }

    private final HttpClient http;

    CallbackSender(Duration connectTimeout) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // A redirect would re-send the signed body to a host the tenant did not configure.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Delivery post(URI url, String signatureHeader, String payload, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(CrmSignature.HEADER, signatureHeader)
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Delivery(status >= 200 && status < 300, "HTTP " + status);
        } catch (IOException unreachable) {
            return new Delivery(false, unreachable.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Delivery(false, "interrupted");
        }
    }
}
