package org.exactsync.exact;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * {@link ExactTransport} on the JDK HTTP client. Chosen over the reactive REST client because Exact's
 * {@code __next} links are absolute URLs carrying OData literals ({@code $skiptoken=guid'…'}) that must be sent
 * byte for byte, and because the wrapper must be constructible in plain unit and integration tests without a
 * running Quarkus application (the REST client's implementation is generated at build time).
 */
final class JdkHttpTransport implements ExactTransport {

    private final HttpClient client;
    private final Duration readTimeout;

    JdkHttpTransport(Duration connectTimeout, Duration readTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = readTimeout;
    }

    @Override
    public HttpReply send(HttpCall call) throws TransportFailure, InterruptedException {
        HttpRequest.BodyPublisher body = call.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body());
        // The call's own timeout is the configured one cut to the invocation's deadline; never longer than configured.
        Duration timeout = call.timeout() == null || call.timeout().compareTo(readTimeout) > 0 ? readTimeout
                : call.timeout();
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).timeout(timeout).method(call.method(), body);
        call.headers().forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpReply(response.statusCode(), response.headers().map(), response.body());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new TransportFailure("could not connect to Exact: " + e.getClass().getSimpleName(), false, e);
        } catch (HttpTimeoutException e) {
            throw new TransportFailure("Exact did not answer in time", true, e);
        } catch (IOException e) {
            throw new TransportFailure("connection to Exact failed: " + e.getClass().getSimpleName(), true, e);
        }
    }
}
