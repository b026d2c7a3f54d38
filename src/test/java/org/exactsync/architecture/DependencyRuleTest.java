package org.exactsync.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The architecture as a test: the shape house-style.md asks for, kept by the build rather than by review. */
class DependencyRuleTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().importPath(java.nio.file.Path.of("target/classes"));
    }

    @Test
    void mappingIsPure() {
        noClasses().that().resideInAPackage("org.exactsync.mapping..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta..", "io.quarkus..", "software.amazon..", "java.net..", "java.io..",
                        "org.exactsync.store..", "org.exactsync.sandbox..", "org.exactsync.local..")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .because("the mapping module is pure: no CDI, no I/O, no clock")
                .check(main);
    }

    @Test
    void flowCodeSeesNoAwsOrHttpTypes() {
        noClasses().that().resideInAPackage("org.exactsync.flow..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "jakarta.ws.rs..", "java.net.http..",
                        "org.eclipse.microprofile.rest.client..")
                .because("flows speak in domain words; AWS and HTTP stay in store/ and exact/")
                .check(main);
    }

    @Test
    void onlyTheExactPackageTalksHttpToExact() {
        noClasses().that().resideOutsideOfPackages("org.exactsync.exact..", "org.exactsync.sandbox..",
                        "org.exactsync.local..", "org.exactsync.crm..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.eclipse.microprofile.rest.client..", "io.quarkus.rest.client..")
                .because("HTTP to Exact stays behind the package-private ExactTransport; a REST client would bypass its retry policy")
                .check(main);
    }

    @Test
    void productionCodeDoesNotDependOnTheSandbox() {
        noClasses().that().resideOutsideOfPackages("org.exactsync.sandbox..", "org.exactsync.local..")
                .should().dependOnClassesThat().resideInAPackage("org.exactsync.sandbox..")
                .because("the sandbox is a test double of Exact; only the local runtime starts it")
                .check(main);
    }

    @Test
    void timeComesFromTheInjectedClock() {
        noClasses().that().resideOutsideOfPackages("org.exactsync.time..", "org.exactsync.local..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("a Clock is injected everywhere so limits and token lifetimes are testable")
                .check(main);
    }
}
