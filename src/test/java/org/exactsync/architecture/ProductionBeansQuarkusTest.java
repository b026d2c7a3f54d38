package org.exactsync.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableBean;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.util.List;
import java.util.Set;
import org.exactsync.testsupport.DynamoDbTestResource;
import org.exactsync.testsupport.StoreProbeProfile;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 4, the build half: a Quarkus build in a profile other than {@code dev} holds no bean of the local run
 * and no start-up observer of the connector's own. This boots the {@code test} build profile (booting {@code prod}
 * would need the packaged jar and cost a second build); {@code @IfBuildProfile("dev")} excludes a bean from every
 * build that is not dev, and {@link LocalRunExclusionTest} pins that no local-run bean names any other profile, so
 * what holds here holds for the production build. Shares the store tests' profile: no extra Quarkus start.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
@TestProfile(StoreProbeProfile.class)
class ProductionBeansQuarkusTest {

    /**
     * Start-up observers that only check configuration values (no I/O, no bean built for it): issue 13 item 6 wants a
     * token call that could outlive its refresh lease refused at start, not at the first refresh.
     */
    static final Set<String> CONFIG_CHECKS = Set.of("org.exactsync.exact.ExactClientProducer");

    private static final Set<String> LOCAL_RUN_CONFIGS = Set.of("org.exactsync.local.LocalRunConfig",
            "org.exactsync.local.LocalGatewayConfig");

    @Test
    void aNonDevBuildHoldsNoLocalRunBean() {
        BeanManager beans = Arc.container().beanManager();
        Set<Bean<?>> all = beans.getBeans(Object.class, Any.Literal.INSTANCE);

        // Outside dev mode the local run's code compiles with the tests (src/local/java), and a test build registers
        // every config mapping of the test classes: LocalRunConfig and LocalGatewayConfig are the local classes
        // expected here. The production build does not hold the local run's classes at all (FunctionZipContentsIT).
        List<String> local = all.stream().map(Bean::getBeanClass).map(Class::getName)
                .filter(name -> name.startsWith("org.exactsync.local.") || name.endsWith("DevSchedule"))
                .filter(name -> !LOCAL_RUN_CONFIGS.contains(name))
                .toList();

        assertThat(all).as("the container answers at all").isNotEmpty();
        assertThat(all).extracting(b -> b.getBeanClass().getName()).contains("org.exactsync.crm.TenantSettings");
        assertThat(local).isEmpty();
        assertThat(all.stream().filter(b -> b instanceof InjectableBean<?> i && i.getIdentifier() != null)
                .map(Bean::getBeanClass).map(Class::getName).filter(name -> !LOCAL_RUN_CONFIGS.contains(name))
                .map(name -> name.substring(0, name.lastIndexOf('.')))).doesNotContain("org.exactsync.local");
    }

    @Test
    void startUpRunsNoObserverOfTheConnector() {
        Set<ObserverMethod<? super StartupEvent>> observers = Arc.container().beanManager()
                .resolveObserverMethods(new StartupEvent());

        assertThat(observers).extracting(o -> o.getBeanClass().getName())
                .filteredOn(name -> !CONFIG_CHECKS.contains(name))
                .noneMatch(name -> name.startsWith("org.exactsync."));
    }
}
