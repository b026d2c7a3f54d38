package org.exactsync.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The priming hook is where Quarkus' SnapStart preloading finds it, and it primes without failing. */
class SnapStartPrimingTest {

    @Test
    void theHookIsListedForQuarkusToInitialiseInTheInitPhase() throws Exception {
        List<String> listed;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/quarkus-preload-classes.txt")) {
            assertThat(in).as("META-INF/quarkus-preload-classes.txt").isNotNull();
            listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
        }

        assertThat(listed).contains(SnapStartPriming.class.getName());
        assertThat(org.crac.Resource.class).isAssignableFrom(Class.forName(listed.get(0)));
    }

    @Test
    void everyExactClientClassItLoadsExists() throws IOException {
        for (String name : SnapStartPriming.EXACT_CLIENT) {
            String resource = "/" + name.replace('.', '/') + ".class";
            assertThat(name.startsWith("java.") || getClass().getResource(resource) != null).as(name).isTrue();
        }
    }
}
