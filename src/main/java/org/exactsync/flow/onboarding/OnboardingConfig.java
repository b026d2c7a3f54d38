package org.exactsync.flow.onboarding;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the account index is read and how fresh matching wants it ({@code exactsync.onboarding.*}, docs/onboarding.md). */
@ConfigMapping(prefix = "exactsync.onboarding")
public interface OnboardingConfig {

    /**
     * How long one build or refresh call may read from Exact before it stops after the page in hand; the next call
     * goes on from the stored cursor (the admin function's time is limited). Default 20s.
     */
    @WithDefault("PT20S")
    Duration readBudget();

    /** How old a division's index may be before matching refreshes it first. Default 15m. */
    @WithDefault("PT15M")
    Duration indexMaxAge();
}
