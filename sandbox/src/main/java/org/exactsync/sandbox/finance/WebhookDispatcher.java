package org.exactsync.sandbox.finance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.time.Sleeper;

/**
 * Sends webhook calls the way Exact does: asynchronously, after the change is committed, one POST per subscription,
 * body {@code {"Content":{…},"HashCode":"…"}} with the HashCode computed over the exact Content bytes sent, and an
 * empty POST ({@code Content-Length: 0}) to validate a new subscription. No retries (Exact's policy is unknown);
 * {@link #faults()} can drop or duplicate notifications. One daemon worker thread, which ends itself when idle.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private final Clock clock;
    private final WebhookSigner signer;
    private final WebhookFaults faults;
    private final Sleeper sleeper;
    private final Duration validationDelay;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http;
    private final ThreadPoolExecutor worker;
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final Object idle = new Object();
    private int pending;

    /**
     * @param validationDelay how long after a subscription is created the validation POST goes out (Exact: about
     *                        one second); waited with {@code sleeper} on the worker thread
     */
    public WebhookDispatcher(Clock clock, String webhookSecret, long seed, Sleeper sleeper,
            Duration validationDelay) {
        this(clock, webhookSecret, seed, sleeper, validationDelay, null);
    }

    /**
     * @param tls whom the https calls trust; null for the JDK's default trust store (public CAs, as Exact)
     */
    public WebhookDispatcher(Clock clock, String webhookSecret, long seed, Sleeper sleeper,
            Duration validationDelay, SSLContext tls) {
        this.clock = clock;
        this.signer = new WebhookSigner(webhookSecret);
        this.faults = new WebhookFaults(seed);
        this.sleeper = sleeper;
        this.validationDelay = validationDelay;
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        if (tls != null) {
            client.sslContext(tls);
        }
        this.http = client.build();
        this.worker = new ThreadPoolExecutor(1, 1, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "exact-sandbox-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        this.worker.allowCoreThreadTimeOut(true);
    }

    public WebhookFaults faults() {
        return faults;
    }

    /** Every attempted, dropped or duplicated call so far, in order. */
    public List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Waits until every queued call was made; false on timeout. For tests. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }

    /**
     * Queues the empty validation POST a new subscription receives; {@code refused} runs (on the worker thread) when
     * it gets no 2xx answer, a failed connection included.
     */
    void sendValidation(String callbackUrl, Runnable refused) {
        submit(() -> {
            sleeper.sleep(validationDelay);
            int status = post(callbackUrl, null);
            if (status < 200 || status > 299) {
                refused.run();
            }
            deliveries.add(new WebhookDelivery(callbackUrl, "", true, false, false, status, clock.instant()));
        });
    }

    /** Queues one notification for one subscription (subject to {@link #faults()}). */
    void notify(String callbackUrl, WebhookNotification notification) {
        if (faults.drop()) {
            deliveries.add(new WebhookDelivery(callbackUrl, body(notification), false, true, false, -1,
                    clock.instant()));
            return;
        }
        boolean twice = faults.duplicate();
        String body = body(notification);
        submit(() -> {
            int status = post(callbackUrl, body);
            deliveries.add(new WebhookDelivery(callbackUrl, body, false, false, false, status, clock.instant()));
            if (twice) {
                int again = post(callbackUrl, body);
                deliveries.add(new WebhookDelivery(callbackUrl, body, false, false, true, again, clock.instant()));
            }
        });
    }

    /** The full request body; the HashCode covers exactly the Content text embedded in it. */
    String body(WebhookNotification n) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("Topic", n.topic());
        content.put("ClientId", n.clientId());
        content.put("Division", n.division());
        content.put("Action", n.action());
        content.put("Key", n.key());
        content.put("ExactOnlineEndpoint", n.exactOnlineEndpoint());
        content.put("EventCreatedOn", n.eventCreatedOn() == null ? null : n.eventCreatedOn().toString());
        String json;
        try {
            json = mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String hash = signer.hashCode(json.getBytes(StandardCharsets.UTF_8));
        return "{\"Content\":" + json + ",\"HashCode\":\"" + hash + "\"}";
    }

    private int post(String callbackUrl, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(callbackUrl))
                    .timeout(Duration.ofSeconds(5));
            if (body == null) {
                request.POST(HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void submit(InterruptibleTask task) {
        synchronized (idle) {
            pending++;
        }
        worker.execute(() -> {
            try {
                task.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                synchronized (idle) {
                    pending--;
                    idle.notifyAll();
                }
            }
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    @FunctionalInterface
    private interface InterruptibleTask {
        void run() throws InterruptedException;
    }
}
