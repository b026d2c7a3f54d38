package org.exactsync.flow.connect;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the connect flow ({@code connector.connect.*}). */
@ConfigMapping(prefix = "connector.connect")
public interface ConnectConfig {

    /**
     * Base URL under which {@code /exact/connect} is reachable (the API's URL in AWS, env
     * {@code CONNECTOR_CONNECT_PUBLIC_URL}); used to build fresh connect links. Unset: links handed out by an admin
     * route are built from that request's {@code Host} and {@code X-Forwarded-Proto} ({@link RequestBaseUrl}); the
     * local run sets the local gateway.
     */
    Optional<String> publicUrl();

    /** How long a signed connect link can be followed (duration). Default 15m. */
    @WithDefault("15m")
    Duration linkValidity();

    /**
     * How long the consent may take, from following the link to Exact's redirect (duration). Default 15m: a person
     * logs in with MFA and ticks companies; Exact's code itself lives ~3 minutes after that.
     */
    @WithDefault("15m")
    Duration stateValidity();
}
