package org.exactsync.console;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The operator console's settings ({@code connector.console.*}). */
@ConfigMapping(prefix = "connector.console")
public interface ConsoleConfig {

    /** How long a signed sign-in link can be followed (duration). Default 10m: it is opened right after it is made. */
    @WithDefault("10m")
    Duration linkValidity();

    /** How long a console session lasts after sign-in (duration). Default 30m; sign in again after it. */
    @WithDefault("30m")
    Duration sessionValidity();

    /**
     * Base URL under which {@code /console/...} is reachable, for the sign-in links printed by tools (the local run).
     * Unset: {@code connector.connect.public-url}.
     */
    Optional<String> publicUrl();

    /** Rows per page of the sync status (default 50). */
    @WithDefault("50")
    int pageSize();
}
