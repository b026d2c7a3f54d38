package org.exactsync.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** An architecture rule over a package that no longer exists must fail, not pass with nothing checked. */
class EmptyRuleTest {

    @Test
    void failsARuleWhoseSubjectPackageIsEmpty() {
        JavaClasses main = new ClassFileImporter().importPath(Path.of("target/classes"));

        assertThatThrownBy(() -> noClasses().that().resideInAPackage("org.exactsync.nosuchpackage..")
                .should().dependOnClassesThat().resideInAPackage("java.net..")
                .check(main))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    @Test
    void noTestAllowsARuleToPassEmpty() throws IOException {
        String forbidden = "allowEmpty" + "Should(true)";
        try (Stream<Path> sources = Files.walk(Path.of("src/test/java"))) {
            List<Path> offenders = sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).contains(forbidden)).toList();
            assertThat(offenders).isEmpty();
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(path.toString(), e);
        }
    }
}
