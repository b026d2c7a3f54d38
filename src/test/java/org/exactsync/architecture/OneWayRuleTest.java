package org.exactsync.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exactsync.json.JsonSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One way to do each: the product's JSON goes through the one Quarkus-managed {@link ObjectMapper} (configured by
 * {@link JsonSettings}), and its settings come from {@code @ConfigMapping} interfaces with a Javadoc per property.
 * Each rule is also run against a class that breaks it, so it cannot pass by matching nothing.
 */
class OneWayRuleTest {

    static final ArchRule ONE_OBJECT_MAPPER = noClasses().that().doNotBelongToAnyOf(JsonSettings.class)
            .should(buildAnObjectMapper())
            .because("beans inject the Quarkus-managed ObjectMapper (JsonSettings configures it); a site that needs"
                    + " other settings derives them with copy() or a reader/writer of the injected one");

    static final ArchRule NO_LOOSE_CONFIG_PROPERTY = noClasses().should(injectAConfigProperty())
            .because("settings are @ConfigMapping interfaces (config/, and a *Config beside the code that reads it)");

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().importPath(Path.of("target/classes"));
    }

    @Test
    void productCodeBuildsNoObjectMapperOfItsOwn() {
        ONE_OBJECT_MAPPER.check(main);
    }

    @Test
    void productCodeInjectsNoLooseConfigProperty() {
        NO_LOOSE_CONFIG_PROPERTY.check(main);
    }

    @Test
    void bothRulesCatchAClassThatBreaksThem() {
        JavaClasses offender = new ClassFileImporter().importClasses(Offender.class);

        assertThat(ONE_OBJECT_MAPPER.evaluate(offender).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("new ObjectMapper in"))
                .anySatisfy(line -> assertThat(line).contains("new ObjectMapper by builder in"));
        assertThat(NO_LOOSE_CONFIG_PROPERTY.evaluate(offender).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("@ConfigProperty"));
    }

    private static ArchCondition<JavaClass> buildAnObjectMapper() {
        return new ArchCondition<>("build an ObjectMapper") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaConstructorCall call : c.getConstructorCallsFromSelf()) {
                    if (isMapper(call.getTargetOwner())) {
                        events.add(SimpleConditionEvent.satisfied(call,
                                "new ObjectMapper in " + call.getDescription()));
                    }
                }
                for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                    if (isMapper(call.getTargetOwner()) && call.getName().equals("builder")) {
                        events.add(SimpleConditionEvent.satisfied(call, "new ObjectMapper by builder in "
                                + call.getDescription()));
                    }
                }
            }
        };
    }

    /** By the loaded class: an import of a few classes does not hold Jackson's hierarchy. */
    private static boolean isMapper(JavaClass owner) {
        return owner.getName().startsWith("com.fasterxml.jackson.")
                && ObjectMapper.class.isAssignableFrom(owner.reflect());
    }

    private static ArchCondition<JavaClass> injectAConfigProperty() {
        return new ArchCondition<>("inject a @ConfigProperty") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                c.getFields().stream().filter(f -> f.isAnnotatedWith(ConfigProperty.class)).forEach(f -> events.add(
                        SimpleConditionEvent.satisfied(f, "@ConfigProperty on field " + f.getFullName())));
                c.getCodeUnits().forEach(unit -> unit.getParameters().stream()
                        .filter(p -> p.isAnnotatedWith(ConfigProperty.class))
                        .forEach(p -> events.add(SimpleConditionEvent.satisfied(p,
                                "@ConfigProperty on a parameter of " + unit.getFullName()))));
            }
        };
    }

    /** Breaks both rules. */
    static final class Offender {

        private final ObjectMapper json = new ObjectMapper();
        private final ObjectMapper built = JsonMapper.builder().build();

        Offender(@ConfigProperty(name = "connector.example") String example) {
            json.getClass();
        }
    }
}
