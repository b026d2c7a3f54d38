package org.exactsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sandbox stays a plain library, usable from JUnit, the benchmark and the local run without a container. Checked
 * on the sources' imports: an ArchUnit import of this classpath (the whole Quarkus platform) costs seconds.
 */
class SandboxArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/org/exactsync/sandbox");

    private static List<String> importsOfSandbox() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream().filter(l -> l.startsWith("import "))
                            .map(l -> SOURCES.relativize(f) + ": " + l);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void dependsOnNeitherQuarkusNorCdi() throws IOException {
        assertThat(importsOfSandbox()).isNotEmpty()
                .noneMatch(l -> l.contains("io.quarkus") || l.contains("jakarta.") || l.contains("javax.inject"));
    }

    @Test
    void dependsOnNoConnectorCodeButTheTimeSeam() throws IOException {
        assertThat(importsOfSandbox()).filteredOn(l -> l.contains("org.exactsync."))
                .allMatch(l -> l.contains("org.exactsync.sandbox") || l.contains("org.exactsync.time."));
    }
}
