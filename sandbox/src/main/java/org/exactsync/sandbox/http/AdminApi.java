package org.exactsync.sandbox.http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.exactsync.sandbox.SandboxVariants;
import org.exactsync.sandbox.faults.FaultRule;

/** The test hooks the {@code /sandbox/…} admin endpoints expose (implemented by the sandbox facade). */
public interface AdminApi {

    /** Copies of the rows of one endpoint's table in a division. */
    List<Map<String, Object>> rows(int division, String path);

    /** Calls per clock minute for a division (epoch-ms minute start → count). */
    Map<Instant, Integer> callsPerMinute(int division);

    /** 429 answers given to a division (null = all). */
    int tooManyRequests(Integer division);

    /** Token state: chains, broken chains, token calls per user today. */
    Map<String, Object> tokenState();

    /** Arms a fault. */
    void inject(FaultRule rule);

    /** A 503 maintenance window on the sandbox clock. */
    void maintenance(Instant from, Instant until);

    /** Disarms all faults, lifts error blocks and forgets rate counters. */
    void resetFaults();

    /** Moves an adjustable sandbox clock forward; false when the clock cannot be moved. */
    boolean advanceClock(Duration duration);

    /** The readings in force of the points the reference leaves open. */
    SandboxVariants variants();

    /** Switches those readings on the running sandbox. */
    void useVariants(SandboxVariants variants);
}
