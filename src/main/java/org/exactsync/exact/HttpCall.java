package org.exactsync.exact;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One HTTP request to Exact as the transport sends it. {@code body} null means none; {@code timeout} is the time the
 * whole answer may take (cut to the invocation's deadline), null for the transport's configured one.
 */
record HttpCall(String method, URI uri, Map<String, String> headers, String body, Duration timeout) {

    HttpCall(String method, URI uri, Map<String, String> headers, String body) {
        this(method, uri, headers, body, null);
    }

    @Override
    public String toString() {
        // Headers hold the bearer token and bodies hold personal data or secrets.
        return method + " " + uri.getPath();
    }
}
