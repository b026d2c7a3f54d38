package org.exactsync.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The facts about Exact live in the repository: every section a source or doc cites from docs/exact-reference.md
 * exists there as a heading, and no file names a path outside the repository.
 */
class ExactReferenceTest {

    private static final Path REFERENCE = Path.of("docs/exact-reference.md");
    /** A citation: the file name, then one or more sections such as {@code §2.4-2.7, §8.4}. */
    private static final Pattern CITATION = Pattern.compile(
            "docs/exact-reference\\.md\\s*((?:[,;]?\\s*(?:and\\s+)?§\\s?[0-9][0-9.]*(?:[–-][0-9][0-9.]*)?)+)");
    private static final Pattern SECTION = Pattern.compile("§\\s?([0-9]+(?:\\.[0-9]+)?)(?:[–-]([0-9]+(?:\\.[0-9]+)?))?");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{2,4}\\s+([0-9]+(?:\\.[0-9]+)?)\\s");
    /** Paths that only exist on the machine the project was written on. */
    /** A relative path that climbs at least one folder: resolved against its file, it must stay in the clone. */
    private static final Pattern CLIMBING_PATH = Pattern.compile("(?:\\.\\./)+[A-Za-z0-9_.-]+");
    private static final Set<String> BINARY = Set.of("jar", "zip", "class", "png", "jpg", "gz", "ico");

    @Test
    void everyCitedSectionHasAHeading() throws IOException {
        Set<String> headings = headings();
        List<String> missing = new ArrayList<>();
        int citations = 0;
        for (Path file : files(Path.of("src"), Path.of("docs"))) {
            Matcher citation = CITATION.matcher(read(file));
            while (citation.find()) {
                for (String section : sections(citation.group(1))) {
                    citations++;
                    if (!headings.contains(section)) {
                        missing.add(file + " cites §" + section);
                    }
                }
            }
        }
        assertThat(citations).as("citations found").isPositive();
        assertThat(missing).isEmpty();
    }

    @Test
    void sectionListsAndRangesAreReadOneByOne() {
        assertThat(sections("§2.4-2.7, §8.4")).containsExactly("2.4", "2.5", "2.6", "2.7", "8.4");
        assertThat(sections("§1.4–1.6")).containsExactly("1.4", "1.5", "1.6");
        assertThat(sections("§2")).containsExactly("2");
    }

    @Test
    void referenceKeepsTheNumberingOfTheFormerFile() throws IOException {
        Set<String> headings = headings();
        for (int section = 1; section <= 9; section++) {
            assertThat(headings).contains(String.valueOf(section));
        }
        assertThat(headings).contains("1.3", "2.5", "3.5", "4.3", "5.4", "5.17", "5.20", "6.4", "7.3", "8.4", "9.6");
    }

    @Test
    void noFileNamesAPathOutsideTheRepository() throws IOException {
        List<String> offenders = new ArrayList<>();
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> top = Files.list(Path.of("."))) {
            // Build output and tool caches, not the project's files (.m2repo: a worktree's private Maven repository).
            top.filter(p -> !Set.of("target", "node_modules", ".git", ".mvn", ".m2repo", ".local")
                    .contains(p.getFileName().toString()))
                    .forEach(roots::add);
        }
        Path repository = Path.of("").toAbsolutePath().normalize();
        // The folder the clone sits in, as this machine spells it: no file may name anything beside the clone.
        String besideTheClone = repository.getParent() + "/";
        for (Path file : files(roots.toArray(Path[]::new))) {
            String text = read(file);
            if (text.contains(besideTheClone)) {
                offenders.add(file + " names an absolute path outside the repository");
            }
            Matcher climbing = CLIMBING_PATH.matcher(text);
            while (climbing.find()) {
                Path target = file.toAbsolutePath().getParent().resolve(climbing.group()).normalize();
                if (!target.startsWith(repository)) {
                    offenders.add(file + " names " + climbing.group());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static Set<String> headings() throws IOException {
        Set<String> headings = new TreeSet<>();
        Matcher heading = HEADING.matcher(Files.readString(REFERENCE));
        while (heading.find()) {
            headings.add(heading.group(1));
        }
        return headings;
    }

    /** The sections of one citation's list; a range {@code 5.7–5.9} within one chapter stands for each of them. */
    static List<String> sections(String list) {
        List<String> sections = new ArrayList<>();
        Matcher section = SECTION.matcher(list);
        while (section.find()) {
            String from = section.group(1);
            String to = section.group(2);
            sections.add(from);
            if (to != null && from.contains(".") && to.contains(".")
                    && from.substring(0, from.indexOf('.')).equals(to.substring(0, to.indexOf('.')))) {
                String chapter = from.substring(0, from.indexOf('.'));
                int last = Integer.parseInt(to.substring(to.indexOf('.') + 1));
                for (int n = Integer.parseInt(from.substring(from.indexOf('.') + 1)) + 1; n <= last; n++) {
                    sections.add(chapter + "." + n);
                }
            } else if (to != null) {
                sections.add(to);
            }
        }
        return sections;
    }

    private static List<Path> files(Path... roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                files.add(root);
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(f -> !BINARY.contains(extension(f)))
                        .filter(ExactReferenceTest::notBuildOutput).forEach(files::add);
            }
        }
        return files;
    }

    /** Build output and installed tools (of any module, e.g. {@code sandbox/target}) are not the repository. */
    private static boolean notBuildOutput(Path file) {
        for (Path part : file) {
            if (Set.of("target", "node_modules", ".git").contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
