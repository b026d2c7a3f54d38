package org.exactsync.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The deployed artifact holds no test tooling: neither the Exact sandbox nor the local run's code, in the zip itself
 * or in a jar inside it. Runs in the {@code verify} phase, after {@code package} has written {@code target/function.zip}
 * (pom.xml, execution {@code packaged-zip}).
 */
class FunctionZipContentsIT {

    private static final Path FUNCTION_ZIP = Path.of("target/function.zip");
    private static final List<String> TOOLING = List.of("org/exactsync/sandbox/", "org/exactsync/local/");

    @Test
    void functionZipHoldsNeitherSandboxNorLocalRunClasses() throws IOException {
        assertThat(FUNCTION_ZIP).as("run after package").isRegularFile();
        List<String> names = entryNames();
        assertThat(names).as("the connector's own classes are in the zip")
                .anyMatch(n -> n.startsWith("org/exactsync/flow/") || n.contains("!org/exactsync/flow/"));
        // Files only: an empty folder left in target/classes by an earlier build of the old layout holds nothing.
        assertThat(names).filteredOn(n -> !n.endsWith("/"))
                .noneMatch(n -> TOOLING.stream().anyMatch(n::contains));
    }

    /** Every entry name, with the entries of nested jars as {@code jar!name}. */
    private static List<String> entryNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(FUNCTION_ZIP.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                names.add(entry.getName());
                if (entry.getName().endsWith(".jar")) {
                    try (InputStream in = zip.getInputStream(entry); ZipInputStream jar = new ZipInputStream(in)) {
                        for (ZipEntry inner = jar.getNextEntry(); inner != null; inner = jar.getNextEntry()) {
                            names.add(entry.getName() + "!" + inner.getName());
                        }
                    }
                }
            }
        }
        return names;
    }
}
