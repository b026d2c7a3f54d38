package org.exactsync.flow.connect;

import org.exactsync.crm.inbound.HttpRequestEvent;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The base URL a caller reached the connector under, from the request API Gateway handed over: {@code Host} and
 * {@code X-Forwarded-Proto} (API Gateway sets both), plus the stage of an {@code execute-api} host, whose URLs carry
 * it ({@code https://<id>.execute-api.<region>.amazonaws.com/<stage>}). Used for connect links when no public URL
 * is configured. Header values are only taken when they look like a host and a scheme: the link goes into a JSON
 * answer and is opened by a person.
 */
public final class RequestBaseUrl {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})(?::\\d{1,5})?");
    private static final Pattern PREFIX = Pattern.compile("(?:/[A-Za-z0-9._~-]+)+");
    private static final String ADMIN = "/admin/";

    private RequestBaseUrl() {
    }

    /** {@code <scheme>://<host>[<stage or base path>]}, or empty when the request has no usable Host. */
    public static Optional<String> of(HttpRequestEvent request) {
        Optional<String> host = request.header("Host").map(String::trim).filter(h -> HOST.matcher(h).matches());
        if (host.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> scheme = scheme(request, host.get());
        return scheme.map(s -> s + "://" + host.get() + prefix(request, host.get()));
    }

    /** The first of a proxy chain's protocols; without the header https, except on a loopback host (local run). */
    private static Optional<String> scheme(HttpRequestEvent request, String host) {
        Optional<String> forwarded = request.header("X-Forwarded-Proto")
                .map(value -> value.split(",")[0].trim().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty());
        if (forwarded.isPresent()) {
            String value = forwarded.get();
            return value.equals("https") || value.equals("http") ? Optional.of(value) : Optional.empty();
        }
        String name = host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        return Optional.of(name.equals("localhost") || name.equals("127.0.0.1") ? "http" : "https");
    }

    /**
     * What stands before {@code /admin/} in the path the caller used (an HTTP API's named stage is in its raw path),
     * else the stage of a REST API's {@code execute-api} host, whose event path leaves the stage out.
     */
    private static String prefix(HttpRequestEvent request, String host) {
        String path = request.requestPath();
        int admin = path.indexOf(ADMIN);
        if (admin > 0 && PREFIX.matcher(path.substring(0, admin)).matches()) {
            return path.substring(0, admin);
        }
        String stage = request.requestContext() == null ? null : request.requestContext().stage();
        if (host.contains(".execute-api.") && stage != null && !stage.equals("$default")
                && PREFIX.matcher("/" + stage).matches()) {
            return "/" + stage;
        }
        return "";
    }
}
