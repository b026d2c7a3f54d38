package org.exactsync.bench.lambda;

import java.time.Duration;

/**
 * One function of template.yaml as the emulation needs it.
 *
 * @param logicalId   the resource name in the template
 * @param export      the {@code @Funq} name it runs ({@code QUARKUS_FUNQY_EXPORT})
 * @param timeout     Lambda's Timeout (the function's own, else the template's global one)
 * @param route       {@code POST /crm/invoices} for an API route, else null
 * @param schedule    the schedule's period for a scheduled function, else null
 * @param reserved    ReservedConcurrentExecutions when the template sets it, else null (the account's pool)
 */
record FunctionSpec(String logicalId, String export, Duration timeout, String route, Duration schedule,
        Integer reserved) {

    /** API Gateway's integration timeout: the CRM has its answer or a 504 by then, whatever the function does. */
    static final Duration API_GATEWAY_LIMIT = Duration.ofSeconds(29);

    boolean http() {
        return route != null;
    }
}
