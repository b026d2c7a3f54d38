package org.exactsync.sandbox.limits;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's own record of calls, so a test can assert limits from the server side ("never more than 60 calls
 * in any clock minute", "no 429 ever") instead of trusting the client's bookkeeping.
 */
public final class CallCounters {

    private final Map<Bucket, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<Bucket, AtomicInteger> tooMany = new ConcurrentHashMap<>();

    /** Records one API call (division 0 for {@code current/Me}) with the status it was answered with. */
    public void record(int division, String endpoint, Instant at, int status) {
        Bucket bucket = new Bucket(division, endpoint, at.truncatedTo(ChronoUnit.MINUTES));
        calls.computeIfAbsent(bucket, b -> new AtomicInteger()).incrementAndGet();
        if (status == 429) {
            tooMany.computeIfAbsent(bucket, b -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** Calls to a division per clock minute (all endpoints), minute start to count, in time order. */
    public Map<Instant, Integer> callsPerMinute(int division) {
        return perMinute(calls, division, null);
    }

    /** Calls to one endpoint of a division per clock minute. */
    public Map<Instant, Integer> callsPerMinute(int division, String endpoint) {
        return perMinute(calls, division, endpoint);
    }

    /** The highest number of calls a division received in any single clock minute. */
    public int maxCallsInAnyMinute(int division) {
        return callsPerMinute(division).values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** All calls to a division (or to every division when {@code division} is null). */
    public int totalCalls(Integer division) {
        return total(calls, division, null);
    }

    /** Calls to one endpoint of a division. */
    public int totalCalls(int division, String endpoint) {
        return total(calls, division, endpoint);
    }

    /** 429 answers to a division (or every division when null). */
    public int tooManyRequests(Integer division) {
        return total(tooMany, division, null);
    }

    /** Forgets everything (a test hook). */
    public void reset() {
        calls.clear();
        tooMany.clear();
    }

    private static Map<Instant, Integer> perMinute(Map<Bucket, AtomicInteger> source, int division, String endpoint) {
        Map<Instant, Integer> out = new TreeMap<>();
        source.forEach((bucket, count) -> {
            if (bucket.division == division && (endpoint == null || bucket.endpoint.equals(endpoint))) {
                out.merge(bucket.minute, count.get(), Integer::sum);
            }
        });
        return out;
    }

    private static int total(Map<Bucket, AtomicInteger> source, Integer division, String endpoint) {
        int sum = 0;
        for (Map.Entry<Bucket, AtomicInteger> e : source.entrySet()) {
            Bucket b = e.getKey();
            if ((division == null || b.division == division) && (endpoint == null || b.endpoint.equals(endpoint))) {
                sum += e.getValue().get();
            }
        }
        return sum;
    }

    private record Bucket(int division, String endpoint, Instant minute) {
    }
}
