package org.exactsync.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.exactsync.config.CrmConfig;
import org.exactsync.config.ExactConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every class in src/main that holds a secret keeps it out of {@code toString}, so no log line, exception message or
 * debugger print shows a client secret, token, signing key or nonce. Secret-holders are found by name: a record
 * component or field named like a secret, or every text of a record named like one ({@code BearerToken.value}).
 * Records are built with a marker in every text and their {@code toString} must not show a secret's marker; other
 * classes must not read a secret field in a {@code toString} of their own.
 */
class SecretRedactionTest {

    /** Names that hold secrets; {@code tokenKey}, {@code key} and {@code clientId} are identifiers, not secrets. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(secret|password|passwd|credential|nonce).*|.*token|.*(api|private|signing|hmac|secret)key");
    /** Records named like a secret hold nothing but secret text. */
    private static final Pattern SECRET_RECORD = Pattern.compile("(?i).*(token|secret|credentials?|password)");

    /**
     * Matches of the name rules that are no secret, or not this change's to redact; each says why.
     */
    private static final Map<String, String> EXEMPT = Map.of(
            "org.exactsync.sandbox.odata.QueryOptions.skipToken", "OData's $skiptoken is a paging cursor");

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        // The connector's classes, the local run's (compiled with the tests outside dev mode) and the sandbox's (its
        // own jar on the test classpath): all three handle secrets.
        Set<Location> locations = new HashSet<>(Locations.ofPackage("org.exactsync.sandbox"));
        locations.add(Location.of(Path.of("target/classes")));
        locations.add(Location.of(Path.of("target/test-classes/org/exactsync/local")));
        main = new ClassFileImporter().importLocations(locations);
    }

    @Test
    void noRecordShowsASecretComponentInToString() throws Exception {
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (JavaClass javaClass : main) {
            if (!javaClass.isRecord()) {
                continue;
            }
            Class<?> type = Class.forName(javaClass.getName(), false, getClass().getClassLoader());
            List<String> secrets = secretComponents(type);
            if (secrets.isEmpty()) {
                continue;
            }
            Object instance = build(type, 0);
            String text = instance.toString();
            for (String secret : secrets) {
                if (text.contains(marker(secret)) && !EXEMPT.containsKey(type.getName() + "." + secret)) {
                    leaks.add(type.getName() + "." + secret);
                }
            }
            checked++;
        }
        assertThat(checked).as("records holding secrets that were checked").isGreaterThanOrEqualTo(8);
        assertThat(leaks).as("secret record components shown by toString").isEmpty();
    }

    @Test
    void noClassReadsASecretFieldInItsOwnToString() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass javaClass : main) {
            if (javaClass.isRecord()) {
                continue;
            }
            Optional<JavaMethod> toString = javaClass.getMethods().stream()
                    .filter(m -> m.getName().equals("toString") && m.getRawParameterTypes().isEmpty()).findFirst();
            toString.ifPresent(method -> method.getFieldAccesses().stream()
                    .filter(access -> access.getTarget().getOwner().equals(javaClass))
                    .filter(access -> SECRET_NAME.matcher(access.getTarget().getName()).matches())
                    .forEach(access -> leaks.add(javaClass.getName() + "." + access.getTarget().getName())));
        }
        assertThat(leaks).as("secret fields read by a toString").isEmpty();
    }

    @Test
    void findsTheKnownSecretHolders() throws Exception {
        // The name rules must keep catching the classes this connector is known to hold secrets in.
        for (String known : List.of("org.exactsync.exact.ExactSettings", "org.exactsync.exact.BearerToken",
                "org.exactsync.exact.TokenGrant", "org.exactsync.exact.port.TokenRecord", "org.exactsync.crm.Tenant",
                "org.exactsync.store.ConnectState")) {
            assertThat(secretComponents(Class.forName(known))).as(known).isNotEmpty();
        }
    }

    private static List<String> secretComponents(Class<?> type) {
        List<String> secrets = new ArrayList<>();
        boolean secretRecord = SECRET_RECORD.matcher(type.getSimpleName()).matches();
        for (RecordComponent component : type.getRecordComponents()) {
            boolean text = component.getType() == String.class || component.getType() == char[].class
                    || component.getType() == byte[].class;
            if (text && (secretRecord || SECRET_NAME.matcher(component.getName()).matches())) {
                secrets.add(component.getName());
            }
        }
        return secrets;
    }

    private static String marker(String name) {
        return "M4RK3R-" + name + "-9f1c";
    }

    /** A record with a marker in every text and plain values elsewhere. */
    private static Object build(Class<?> type, int depth) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getType(), components[i].getName(), depth);
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return canonical.newInstance(values);
    }

    private static Object value(Class<?> type, String name, int depth) throws Exception {
        if (type == String.class) {
            return marker(name);
        }
        if (type == char[].class) {
            return marker(name).toCharArray();
        }
        if (type == byte[].class) {
            return marker(name).getBytes(StandardCharsets.UTF_8);
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == double.class || type == Double.class) {
            return 1.0;
        }
        if (type == Duration.class) {
            // A lease outlasts the calls made under it (ExactSettings refuses anything else).
            return name.toLowerCase(java.util.Locale.ROOT).contains("lease") ? Duration.ofMinutes(1)
                    : Duration.ofSeconds(1);
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 1, 1);
        }
        if (type == UUID.class) {
            return new UUID(0, 1);
        }
        if (type == URI.class) {
            return URI.create("https://example.test");
        }
        if (type == Clock.class) {
            return Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        }
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == Set.class) {
            return Set.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isArray()) {
            return Array.newInstance(type.getComponentType(), 0);
        }
        if (type.isRecord() && depth < 3) {
            return build(type, depth + 1);
        }
        return null;
    }

    @Test
    void configMappingsPrintNoValues() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(ExactConfig.class).withMapping(CrmConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(Map.of("exact.client-id", "app-1",
                        "exact.client-secret", marker("clientSecret"), "exact.redirect-uri", "https://example.test",
                        "exact.webhook-secret", marker("webhookSecret"),
                        "crm.tenants.default.inbound-secret", marker("inboundSecret"),
                        "crm.tenants.default.outbound-secret", marker("outboundSecret")), "test", 100))
                .build();

        String printed = config.getConfigMapping(ExactConfig.class) + " "
                + config.getConfigMapping(CrmConfig.class) + " " + config.getConfigMapping(CrmConfig.class).tenants();

        assertThat(printed).doesNotContain("M4RK3R");
    }
}
