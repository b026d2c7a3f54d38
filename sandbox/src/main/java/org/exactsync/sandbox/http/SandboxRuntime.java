package org.exactsync.sandbox.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.exactsync.sandbox.ChangeEvent;
import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.DivisionDirectory;
import org.exactsync.sandbox.EntitySet;
import org.exactsync.sandbox.SandboxVariants;
import org.exactsync.sandbox.faults.FaultInjector;
import org.exactsync.sandbox.limits.CallCounters;
import org.exactsync.sandbox.limits.ErrorBlocker;
import org.exactsync.sandbox.limits.RateLimiter;
import org.exactsync.sandbox.oauth.OAuthServer;
import org.exactsync.sandbox.odata.QueryEngine;
import org.exactsync.time.Sleeper;

/**
 * Everything the HTTP handlers share, assembled by {@link org.exactsync.sandbox.ExactSandbox}.
 *
 * @param errorBlockStatus the status of an answer while the 10-errors block is on (429 by default, see docs)
 * @param publisher        delivers changes after a write released its division lock
 * @param baseUrl          the sandbox's own base URL, for {@code __next} and {@code __metadata.uri}
 * @param variants         the current readings of the points the reference leaves open
 */
public record SandboxRuntime(
        Clock clock,
        Sleeper sleeper,
        ObjectMapper mapper,
        OAuthServer oauth,
        RateLimiter rateLimiter,
        ErrorBlocker errorBlocker,
        int errorBlockStatus,
        CallCounters counters,
        FaultInjector faults,
        QueryEngine queries,
        Map<String, EntitySet> entitySets,
        Map<Integer, DivisionData> divisions,
        DivisionDirectory directory,
        MeEndpoint me,
        Consumer<List<ChangeEvent>> publisher,
        Supplier<String> baseUrl,
        Supplier<SandboxVariants> variants) {
}
