package org.exactsync.snapstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.exactsync.crm.ScheduleTick;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.json.JsonSettings;
import org.exactsync.store.dynamodb.DynamoDbPriming;
import org.jboss.logging.Logger;

/**
 * SnapStart priming (docs/cold-start.md): before Lambda takes the snapshot of a published version, run the code paths
 * every first event runs, so that their classes are loaded and initialised in the snapshot rather than on the
 * restored instance's first event: Jackson over the function's event records, the DynamoDB client's request
 * marshalling and signing, and the Exact client's classes.
 *
 * <p>It never reaches the network, reads no configuration, secret or tenant data, and creates no CDI bean: the
 * function's beans (token custodian's process id, SecureRandom, HTTP connections, SSM secrets) are all created after
 * the restore, when Quarkus starts on the first event. What it builds here it drops before the snapshot.
 *
 * <p>Registered with CRaC's global context when Quarkus initialises it during Lambda's init phase: SnapStart's class
 * preloading reads {@code META-INF/quarkus-preload-classes.txt}, which names this class
 * ({@code quarkus.snapstart.initialize-classes}, on by default for Lambda). Outside a CRaC or SnapStart runtime the
 * hook is never called (the bench calls it to measure it).
 */
public final class SnapStartPriming implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);

    /** CRaC holds resources weakly: this strong reference keeps the hook alive until the checkpoint. */
    private static final SnapStartPriming HOOK = new SnapStartPriming();

    static {
        Core.getGlobalContext().register(HOOK);
    }

    /** The classes of the Exact client a first event loads (no instance: building one needs settings and stores). */
    static final List<String> EXACT_CLIENT = List.of("org.exactsync.exact.ExactOnlineClient",
            "org.exactsync.exact.TokenCustodian", "org.exactsync.exact.ExactCaller", "org.exactsync.exact.RetryPolicy",
            "org.exactsync.exact.CallBudget", "org.exactsync.exact.JdkHttpTransport",
            "org.exactsync.exact.MeteredTransport", "org.exactsync.exact.PagedRows",
            "org.exactsync.exact.RateLimitHeaders", "org.exactsync.exact.ExactEnvelope",
            "org.exactsync.exact.TokenEndpoint", "java.net.http.HttpClient");

    private SnapStartPriming() {
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing kept from the priming; everything unique is created after the restore (see the class comment).
    }

    /** Runs the three primings; a failure is logged, never thrown: a snapshot without priming is only slower. */
    public static void prime() {
        try {
            jackson();
            DynamoDbPriming.prime();
            exactClient();
        } catch (RuntimeException | IOException | ClassNotFoundException | LinkageError e) {
            LOG.warnf("SnapStart priming incomplete: %s", e.getClass().getName());
        }
    }

    private static void jackson() throws IOException {
        // No CDI before the snapshot: a mapper configured like the injected one, dropped afterwards.
        ObjectMapper json = JsonSettings.standalone();
        String body = "{\"eventId\":\"priming\",\"type\":\"relation.upserted\",\"occurredAt\":\"2026-01-01T00:00:00Z\","
                + "\"data\":{\"id\":\"priming\",\"name\":\"Priming\",\"contacts\":[{\"id\":\"c\"}]}}";
        HttpRequestEvent request = new HttpRequestEvent("/crm/relations", null, Map.of("Content-Type",
                "application/json"), body, false);
        HttpRequestEvent back = json.readValue(json.writeValueAsBytes(request), HttpRequestEvent.class);
        JsonNode envelope = json.readTree(back.body());
        json.writeValueAsString(HttpResponseEvent.json(202, json.writeValueAsString(envelope.path("data"))));
        json.readValue(json.writeValueAsString(new ScheduleTick("priming", "2026-01-01T00:00:00Z")),
                ScheduleTick.class);
    }

    private static void exactClient() throws ClassNotFoundException {
        ClassLoader loader = SnapStartPriming.class.getClassLoader();
        for (String name : EXACT_CLIENT) {
            Class.forName(name, true, loader);
        }
    }
}
