package org.exactsync.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 4, the rule half: every bean of the local run (package {@code local}, the in-process dev schedules,
 * anything observing {@code StartupEvent}) is built into dev mode only, by {@code @IfBuildProfile("dev")} (decided
 * when Quarkus builds the jar, so a production build does not even hold the bean), never by a runtime flag. The
 * other half, {@link ProductionBeansQuarkusTest}, asks a non-dev build's container which beans it really holds.
 */
class LocalRunExclusionTest {

    private static final Set<Class<? extends java.lang.annotation.Annotation>> BEAN_DEFINING = Set.of(
            ApplicationScoped.class, Singleton.class, Dependent.class, RequestScoped.class);

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        // The local run's code (src/local/java) is main code in dev mode only; elsewhere it compiles with the tests.
        main = new ClassFileImporter().importPaths(java.nio.file.Path.of("target/classes"),
                java.nio.file.Path.of("target/test-classes/org/exactsync/local"));
    }

    @Test
    void everyLocalRunBeanIsBuiltIntoDevModeOnly() {
        List<JavaClass> localRun = main.stream().filter(LocalRunExclusionTest::isBean)
                .filter(c -> c.getPackageName().equals("org.exactsync.local") || hasScheduledMethod(c)
                        || observesStartup(c) && !ProductionBeansQuarkusTest.CONFIG_CHECKS.contains(c.getName()))
                .toList();

        // The local gateway, runtime, ledger seed and routes, and the dev schedule at least.
        assertThat(localRun).extracting(JavaClass::getSimpleName).contains("LocalCrmGateway", "LocalRuntime",
                "LocalLedgerSeed", "LocalOperationsRoutes", "PaymentLocalRoutes", "SandboxDemoRoutes", "DevSchedule");
        for (JavaClass bean : localRun) {
            assertThat(bean.isAnnotatedWith(IfBuildProfile.class)).as("%s carries @IfBuildProfile", bean.getName())
                    .isTrue();
            IfBuildProfile profile = bean.getAnnotationOfType(IfBuildProfile.class);
            assertThat(List.of(profile.value())).as("build profiles of %s", bean.getName()).containsExactly("dev");
            assertThat(profile.anyOf()).as("build profiles of %s", bean.getName()).isEmpty();
            assertThat(profile.allOf()).as("build profiles of %s", bean.getName()).isEmpty();
            assertThat(bean.isAnnotatedWith(UnlessBuildProfile.class)).isFalse();
        }
    }

    private static boolean isBean(JavaClass c) {
        return BEAN_DEFINING.stream().anyMatch(c::isAnnotatedWith)
                || c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Produces.class));
    }

    private static boolean hasScheduledMethod(JavaClass c) {
        return c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Scheduled.class));
    }

    private static boolean observesStartup(JavaClass c) {
        return c.getMethods().stream().anyMatch(m -> m.getParameters().stream()
                .anyMatch(p -> p.getRawType().isEquivalentTo(StartupEvent.class) && p.isAnnotatedWith(Observes.class)));
    }
}
