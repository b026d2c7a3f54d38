package org.exactsync.exact;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exactsync.metrics.MetricNames;
import org.exactsync.metrics.MetricPoint;
import org.exactsync.metrics.Metrics;

/**
 * Counts every answered call to Exact and every 429 at the one seam all traffic passes, so retries, paging and
 * token-endpoint calls are counted as Exact counts them. The division (from the URL) is a property, not a dimension:
 * one billed metric per division would cost more than it tells.
 */
final class MeteredTransport implements ExactTransport {

    private static final Pattern DIVISION = Pattern.compile("^/api/v1/(\\d+)/");

    private final ExactTransport inner;
    private final Metrics metrics;

    MeteredTransport(ExactTransport inner, Metrics metrics) {
        this.inner = inner;
        this.metrics = metrics;
    }

    @Override
    public HttpReply send(HttpCall call) throws TransportFailure, InterruptedException {
        HttpReply reply = inner.send(call);
        String division = division(call);
        metrics.record(MetricPoint.one(MetricNames.EXACT_CALLS,
                Map.of("division", division, "status", Integer.toString(reply.status()))));
        if (reply.status() == 429) {
            metrics.record(MetricPoint.one(MetricNames.EXACT_THROTTLED, Map.of("division", division)));
        }
        return reply;
    }

    private static String division(HttpCall call) {
        Matcher matcher = DIVISION.matcher(call.uri().getRawPath() == null ? "" : call.uri().getRawPath());
        // current/Me and the token endpoint belong to no division.
        return matcher.find() ? matcher.group(1) : "none";
    }
}
