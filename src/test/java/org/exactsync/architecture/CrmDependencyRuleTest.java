package org.exactsync.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.exactsync.crm.callback.CallbackDispatcher;
import org.exactsync.store.dynamodb.DynamoDbCallbackOutbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CRM side's boundaries: flows see the Callbacks port, never the outbox or HTTP behind it. */
class CrmDependencyRuleTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().importPath(java.nio.file.Path.of("target/classes"));
    }

    @Test
    void onlyTheCallbackPackageTalksHttpToTheCrm() {
        noClasses().that().resideOutsideOfPackages("org.exactsync.crm.callback..", "org.exactsync.exact..",
                        "org.exactsync.sandbox..", "org.exactsync.local..")
                .should().dependOnClassesThat().resideInAPackage("java.net.http..")
                .because("callbacks reach the CRM through the Callbacks port; Exact through ExactOnline")
                .check(main);
    }

    @Test
    void flowsUseTheCallbacksPortNotItsImplementation() {
        noClasses().that().resideInAPackage("org.exactsync.flow..")
                .should().dependOnClassesThat().areAssignableTo(CallbackDispatcher.class)
                .orShould().dependOnClassesThat().areAssignableTo(DynamoDbCallbackOutbox.class)
                .because("delivery order, retries and storage are the callback package's business")
                .check(main);
    }
}
