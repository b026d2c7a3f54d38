package org.exactsync.json;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The connector's one JSON configuration, applied to the Quarkus-managed {@link ObjectMapper} that every bean (and
 * Funqy, for the functions' events) injects: unknown properties are ignored, so a field Exact or the CRM adds later
 * breaks nothing, and dates are written as ISO-8601 text, not numbers. Both are also Quarkus's defaults; stating them
 * here keeps them true whatever {@code quarkus.jackson.*} says, and lets {@link #standalone()} match.
 *
 * <p>A site that needs something else derives it from the injected mapper ({@code json.copy()} or a reader/writer
 * of it) and says why. Building a mapper anywhere else in the product is refused by an architecture test.
 */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /**
     * A mapper configured like the injected one, for the few places that run without CDI: SnapStart priming before
     * Quarkus starts, and the plain-code factory of the Exact client that tests and the bench use. Beans inject the
     * managed mapper instead.
     */
    public static ObjectMapper standalone() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        apply(mapper);
        return mapper;
    }

    private static void apply(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
