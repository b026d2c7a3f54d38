package org.exactsync.schedule;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How scheduled work fans out ({@code connector.fanout.*}, docs/operations.md). */
@ConfigMapping(prefix = "connector.fanout")
public interface FanoutConfig {

    /**
     * Backlog lanes the event replay keeps in flight at most, lanes held by earlier rounds' workers included; the
     * function's reserved concurrency leaves room for them and the planner (count). Default 20.
     */
    @WithDefault("20")
    int replayLanes();

    /** Work items run at once by the in-process fan-out used outside Lambda (count). Default 8. */
    @WithDefault("8")
    int localConcurrency();
}
