package org.exactsync.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Packages depend one way: a cycle means two packages can only be understood, changed and tested together. */
class PackageCycleTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().importPath(java.nio.file.Path.of("target/classes"));
    }

    @Test
    void topLevelPackagesFormNoCycle() {
        slices().matching("org.exactsync.(*)..").should().beFreeOfCycles()
                .because("each top-level package has one direction of dependency")
                .check(main);
    }

    @Test
    void subPackagesFormNoCycle() {
        // The sandbox stands in for Exact and is becoming a build unit of its own; its inner layout is its business.
        // As one slice it is still held to the top-level rule above.
        slices().matching("org.exactsync.(**)").should().beFreeOfCycles()
                .because("within a package too, small types live where the dependency points")
                .check(main.that(resideOutsideOfPackage("org.exactsync.sandbox..")));
    }
}
