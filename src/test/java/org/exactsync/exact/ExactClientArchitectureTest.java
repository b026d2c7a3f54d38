package org.exactsync.exact;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ExactClientArchitectureTest {

    private final JavaClasses production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.exactsync");

    @Test
    void httpStaysBehindTheTransportSeam() {
        classes().that().haveSimpleNameEndingWith("Transport").or().haveSimpleName("HttpCall")
                .or().haveSimpleName("HttpReply").or().haveSimpleName("TokenEndpoint")
                .and().resideInAPackage("org.exactsync.exact")
                .should().notBePublic()
                .check(production);
        noClasses().that().resideOutsideOfPackage("org.exactsync.exact")
                .and().resideOutsideOfPackage("org.exactsync.sandbox..")
                // Other HTTP peers than Exact's API: the local run plays the consenting person at the sandbox's
                // consent page, and CRM callbacks go to the tenant's CRM.
                .and().resideOutsideOfPackage("org.exactsync.local..")
                .and().resideOutsideOfPackage("org.exactsync.crm.callback..")
                .should().dependOnClassesThat().resideInAPackage("java.net.http..")
                .check(production);
    }

    @Test
    void clientLogicTakesTimeFromTheInjectedClockAndSleeper() {
        noClasses().that().resideInAPackage("org.exactsync.exact..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .check(production);
    }
}
