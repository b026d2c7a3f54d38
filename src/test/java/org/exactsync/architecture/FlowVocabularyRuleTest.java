package org.exactsync.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.odata.ExactFields;
import org.exactsync.exact.odata.ODataQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exact's vocabulary stays inside {@code exact/}: no flow names an Exact entity path such as
 * {@code salesentry/SalesEntries}; it calls a typed method of {@code ExactOnline} instead. The class files do not
 * keep this apart (javac copies a constant of {@code exact/} into the flow that reads it), so the rule reads each
 * flow class's source file and looks at its string literals, comments left out.
 */
class FlowVocabularyRuleTest {

    /** An Exact entity path: a lower-case service, a slash, an upper-case entity ({@code hrm/Costcenters}). */
    static final Pattern ENTITY_PATH = Pattern.compile("(?<![A-Za-z])[a-z]+/[A-Z][A-Za-z]+");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Path SOURCES = Path.of("src/main/java");

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().importPath(Path.of("target/classes"));
    }

    @Test
    void flowsNameNoExactEntityPath() {
        classes().that().resideInAPackage("org.exactsync.flow..").and().areTopLevelClasses()
                .should(nameNoExactEntityPath())
                .because("flows speak domain words; entity paths and field names belong to exact/"
                        + " (docs/exact-client.md)")
                .check(main);
    }

    @Test
    void flowsCallTypedOperationsRatherThanTheGenericOnes() {
        noClasses().that().resideInAPackage("org.exactsync.flow..")
                .should().callMethod(ExactOnline.class, "query", ExactTarget.class, String.class, ODataQuery.class)
                .orShould().callMethod(ExactOnline.class, "create", ExactTarget.class, String.class, ExactFields.class)
                .orShould().callMethod(ExactOnline.class, "update", ExactTarget.class, String.class, String.class,
                        ExactFields.class)
                .orShould().callMethod(ExactOnline.class, "delete", ExactTarget.class, String.class, String.class)
                .because("the generic calls take an entity path; flows name what they want in domain words")
                .check(main);
    }

    @Test
    void entityPathPatternSpotsPathsInLiteralsOnly() {
        String source = "/* see \"hrm/Costcenters\" */ String a = \"salesentry/SalesEntries\"; // \"crm/Accounts\"\n"
                + "String b = \"tenant/\" + id; ZoneId z = ZoneId.of(\"Europe/Amsterdam\");\n"
                + "String c = \"sync/Cashflow/PaymentTerms\";";
        org.junit.jupiter.api.Assertions.assertEquals(
                List.of("salesentry/SalesEntries", "sync/Cashflow/PaymentTerms"), entityPaths(source));
    }

    private static ArchCondition<JavaClass> nameNoExactEntityPath() {
        return new ArchCondition<>("name no Exact entity path in a string literal") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                List<String> found = entityPaths(source(type));
                events.add(new SimpleConditionEvent(type, found.isEmpty(),
                        type.getName() + " names Exact entity paths " + found));
            }
        };
    }

    static List<String> entityPaths(String source) {
        List<String> found = new ArrayList<>();
        Matcher literal = STRING_LITERAL.matcher(COMMENT.matcher(source).replaceAll(" "));
        while (literal.find()) {
            if (ENTITY_PATH.matcher(literal.group(1)).find()) {
                found.add(literal.group(1));
            }
        }
        return found;
    }

    private static String source(JavaClass type) {
        String fileName = type.getSourceCodeLocation().getSourceFileName();
        Path file = SOURCES.resolve(type.getPackageName().replace('.', '/')).resolve(fileName);
        try {
            return Files.readString(file);
        } catch (IOException missing) {
            throw new UncheckedIOException("no source for " + type.getName() + " at " + file, missing);
        }
    }
}
