package org.exactsync.flow.onboarding;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the account index is read and kept current ({@code exactsync.onboarding.*}, docs/onboarding.md). */
@ConfigMapping(prefix = "exactsync.onboarding")
public interface OnboardingConfig {

    /** How long one call of the index route reads Exact before it stops and answers (within the function's 28 s). */
    @WithDefault("PT20S")
    Duration readBudget();

    /** An index older than this is brought up to date before the relation flow matches against it. */
    @WithDefault("PT15M")
    Duration indexMaxAge();
}
