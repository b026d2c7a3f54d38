package org.exactsync.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * CRM-side settings ({@code crm.*}): one block per tenant ({@code crm.tenants."<tenant>".*}) with its secrets and
 * callback URL, plus the inbound and callback timings shared by all tenants.
 */
@ConfigMapping(prefix = "crm")
public interface CrmConfig {

    /** Tenants by id (the envelope's {@code tenant}, {@code default} when absent). A tenant not listed gets 401. */
    Map<String, TenantConfig> tenants();

    /** Inbound webhook handling. */
    Inbound inbound();

    /** Outbound callbacks. */
    Callback callback();

    interface TenantConfig {

        /** HMAC-SHA256 key of the inbound {@code Crm-Signature}. Required; never logged. */
        String inboundSecret();

        /** HMAC-SHA256 key of the {@code Crm-Signature} on callbacks to the CRM. Required; never logged. */
        String outboundSecret();

        /**
         * HMAC-SHA256 key of the route-bound {@code Crm-Signature} on the tenant admin routes
         * ({@code /admin/tenants/<tenant>/…}); distinct from {@link #inboundSecret()}. Absent: the admin routes
         * answer 401 for this tenant. In AWS: SSM parameter {@code <path>crm/<tenant>/admin-secret}. Never logged.
         */
        Optional<String> adminSecret();

        /** Where callbacks are POSTed (absolute http(s) URL). Without it callbacks stay queued. */
        Optional<String> callbackUrl();

        /** {@code report} (default): a bookkeeper's change in Exact is reported, never overwritten; or {@code crm-wins}. */
        @WithDefault("report")
        String conflictPolicy();

        /** Divisions an event without {@code divisions} goes to; default: the connection's default divisions. */
        Optional<List<Integer>> divisions();
    }

    interface Inbound {

        /** Largest accepted distance between the signature's {@code t} and now (duration). Default 300s (contract). */
        @WithDefault("300s")
        Duration signatureTolerance();

        /** How long an event id is remembered for deduplication (duration). Default 30 days. */
        @WithDefault("720h")
        Duration eventRetention();

        /** How long one worker may hold an event before another may take it over (duration). Default 5m. */
        @WithDefault("5m")
        Duration lease();

        /** Earliest retry of an event that had to wait (rate budget, Exact down) (duration). Default 1m. */
        @WithDefault("1m")
        Duration waitingRetry();
    }

    interface Callback {

        /** First retry delay after a failed delivery, doubled per attempt (duration). Default 5s. */
        @WithDefault("5s")
        Duration initialBackoff();

        /** Retry delay cap (duration). Default 1h. */
        @WithDefault("1h")
        Duration maxBackoff();

        /** Connect and response timeout of one delivery by the scheduled dispatch (duration). Default 10s. */
        @WithDefault("10s")
        Duration timeout();

        /**
         * Timeout of the immediate delivery attempt made while an inbound event is answered (duration). Default 3s:
         * a slow CRM must not push the webhook answer past API Gateway's 29 s limit; the dispatch retries anyway.
         */
        @WithDefault("3s")
        Duration inlineTimeout();

        /** Due callbacks one dispatch run delivers at most (count). Default 100. */
        @WithDefault("100")
        int batchSize();
    }
}
