package org.exactsync.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/security.md promises a test for every threat: each row of its tables names one, and each name points at a test
 * class (and method) that exists, so a renamed or deleted test shows up here instead of leaving a row unproven.
 */
class SecurityTableTest {

    private static final Path DOC = Path.of("docs/security.md");
    private static final Pattern TEST_NAME = Pattern.compile("`([A-Z][A-Za-z0-9]*Test)(?:#([a-zA-Z0-9_]+))?`");

    @Test
    void everyThreatRowNamesATest() throws IOException {
        List<String> rows = threatRows();

        assertThat(rows).as("threat rows").hasSizeGreaterThan(10);
        assertThat(rows).allSatisfy(row -> assertThat(TEST_NAME.matcher(row).find()).as(row).isTrue());
    }

    @Test
    void everyNamedTestExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String row : threatRows()) {
            Matcher name = TEST_NAME.matcher(row);
            while (name.find()) {
                Path source = testSource(name.group(1));
                if (source == null) {
                    missing.add(name.group(1));
                } else if (name.group(2) != null && !Files.readString(source).contains(" " + name.group(2) + "(")) {
                    missing.add(name.group(1) + "#" + name.group(2));
                }
            }
        }

        assertThat(missing).isEmpty();
    }

    private static List<String> threatRows() throws IOException {
        return Files.readAllLines(DOC).stream()
                .filter(line -> line.startsWith("| ") && !line.startsWith("| Threat") && !line.startsWith("|---"))
                .toList();
    }

    private static Path testSource(String className) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            return files.filter(f -> f.getFileName().toString().equals(className + ".java")).findFirst().orElse(null);
        }
    }
}
