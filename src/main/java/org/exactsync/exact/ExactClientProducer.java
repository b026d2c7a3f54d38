package org.exactsync.exact;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.exactsync.config.ExactConfig;
import org.exactsync.exact.port.CallBudgetStore;
import org.exactsync.exact.port.TokenStore;
import org.exactsync.time.InvocationDeadline;
import org.exactsync.time.Sleeper;

/**
 * CDI wiring of the Exact client: one instance per application, so that the token custodian's process id and the
 * budget's view of Exact's reported limits are shared by every flow in the process.
 */
@Singleton
public class ExactClientProducer {

    @Produces
    @Singleton
    ExactOnlineClient exactOnline(ExactConfig config, TokenStore tokens, CallBudgetStore budget, Clock clock,
            Sleeper sleeper, org.exactsync.metrics.Metrics metrics, InvocationDeadline deadline, ObjectMapper json) {
        return ExactOnlineClient.create(ExactSettings.from(config), tokens, budget, clock, sleeper, metrics, deadline,
                json);
    }

    /**
     * Fails the start when a token call could outlive its refresh lease (see
     * {@link ExactSettings#checkTokenCallFitsLease}); reads only timings, no secret.
     */
    void checkTokenTimings(@Observes StartupEvent start, ExactConfig config) {
        ExactSettings.checkTokenCallFitsLease(config.http().connectTimeout(), config.token().callTimeout(),
                config.token().lease());
    }

    @Produces
    @Singleton
    TokenCustodian tokenCustodian(ExactOnlineClient client) {
        return client.custodian();
    }
}
