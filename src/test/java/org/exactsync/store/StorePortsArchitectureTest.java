package org.exactsync.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/** The ports speak in domain words; DynamoDB stays in the adapter package. */
class StorePortsArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().importPath(Path.of("target/classes"));
    }

    @Test
    void portsAndRecordsKnowNothingOfDynamoDb() {
        noClasses().that().resideInAPackage("org.exactsync.store")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..",
                        "org.exactsync.store.dynamodb..", "jakarta..", "io.quarkus..")
                .because("flows and the Exact client code against the ports; any store can implement them")
                .check(main);
    }

    @Test
    void onlyTheAdaptersTouchTheDynamoDbClient() {
        noClasses().that().resideOutsideOfPackages("org.exactsync.store.dynamodb..", "org.exactsync.local..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk.services.dynamodb..")
                .because("every table access goes through a port, so the key layout lives in one place")
                .check(main);
    }

    @Test
    void keyBuildingStaysInsideTheAdapterPackage() {
        classes().that().haveSimpleName("Keys").or().haveSimpleName("Items").or().haveSimpleName("Update")
                .should().notBePublic()
                .check(main);
    }
}
