package org.exactsync.exact;

import java.net.URI;
import java.util.Map;

/** One HTTP request to Exact as the transport sends it. {@code body} null means none. */
record HttpCall(String method, URI uri, Map<String, String> headers, String body) {

    @Override
    public String toString() {
        // Headers hold the bearer token and bodies hold personal data or secrets.
        return method + " " + uri.getPath();
    }
}
