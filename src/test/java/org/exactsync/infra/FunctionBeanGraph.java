package org.exactsync.infra;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The beans a deployed function can create, read from the compiled classes: from the class of its {@code @Funq}
 * through injected constructors and fields, interfaces resolved to every bean implementing them and to their
 * producers, dev-only beans left out. Coarse on purpose (an {@code Instance<X>} counts as using every X): it may
 * over-count, never under-count, which is the safe side for deciding what secrets a function needs.
 */
final class FunctionBeanGraph {

    private static final List<Class<? extends java.lang.annotation.Annotation>> BEAN_DEFINING = List.of(
            ApplicationScoped.class, Singleton.class, Dependent.class, RequestScoped.class);

    private final JavaClasses classes = new ClassFileImporter()
            .importPath(java.nio.file.Path.of("target/classes"));

    /** The classes reachable from the function exporting {@code export} (its {@code @Funq} class included). */
    Set<JavaClass> reachableFrom(String export) {
        JavaClass root = classes.stream().filter(c -> c.getMethods().stream().anyMatch(m -> isFunq(m, export)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no @Funq " + export));
        Set<JavaClass> seen = new LinkedHashSet<>();
        Deque<JavaClass> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            JavaClass bean = todo.pop();
            if (!seen.add(bean)) {
                continue;
            }
            for (JavaType dependency : dependencies(bean)) {
                todo.addAll(resolve(dependency));
            }
        }
        return seen;
    }

    private static boolean isFunq(JavaMethod method, String export) {
        if (!method.isAnnotatedWith(Funq.class)) {
            return false;
        }
        String value = method.getAnnotationOfType(Funq.class).value();
        return (value.isEmpty() ? method.getName() : value).equals(export);
    }

    private static List<JavaType> dependencies(JavaClass bean) {
        List<JavaType> out = new java.util.ArrayList<>();
        Set<JavaConstructor> constructors = bean.getConstructors();
        List<JavaConstructor> injected = constructors.stream().filter(c -> c.isAnnotatedWith(Inject.class)).toList();
        List<JavaConstructor> used = !injected.isEmpty() ? injected
                : constructors.size() == 1 ? List.copyOf(constructors) : List.of();
        used.forEach(c -> addParameters(c, out));
        bean.getFields().stream().filter(f -> f.isAnnotatedWith(Inject.class)).forEach(f -> out.add(f.getType()));
        return out;
    }

    private static void addParameters(JavaCodeUnit unit, List<JavaType> out) {
        unit.getParameters().forEach(p -> out.add(p.getType()));
    }

    private Set<JavaClass> resolve(JavaType type) {
        Set<JavaClass> out = new LinkedHashSet<>();
        if (type instanceof JavaParameterizedType generic && !generic.getActualTypeArguments().isEmpty()
                && !generic.toErasure().getPackageName().startsWith("org.exactsync")) {
            // Instance<X>, Provider<X>, Optional<X>: what counts is X.
            generic.getActualTypeArguments().forEach(argument -> out.addAll(resolve(argument)));
            return out;
        }
        JavaClass raw = type.toErasure();
        if (!raw.getPackageName().startsWith("org.exactsync")) {
            return out;
        }
        for (JavaClass candidate : classes) {
            if (excluded(candidate)) {
                continue;
            }
            if (candidate.isAssignableTo(raw.getName()) && isBean(candidate)) {
                out.add(candidate);
            }
            for (JavaMethod producer : candidate.getMethods()) {
                if (producer.isAnnotatedWith(Produces.class)
                        && producer.getRawReturnType().isAssignableTo(raw.getName())) {
                    out.add(producer.getRawReturnType());
                    out.add(candidate);
                    producer.getParameters().forEach(p -> out.addAll(resolve(p.getType())));
                }
            }
        }
        return out;
    }

    private static boolean isBean(JavaClass c) {
        return !c.isInterface() && BEAN_DEFINING.stream().anyMatch(c::isAnnotatedWith);
    }

    private static boolean excluded(JavaClass c) {
        return c.isAnnotatedWith(IfBuildProfile.class)
                && !List.of(c.getAnnotationOfType(IfBuildProfile.class).value()).contains("prod");
    }
}
