package org.openrma;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

/**
 * The engine is pure Java: no framework, no database, no network, and it never reads the clock. Its policy stages
 * share the compiled model and nothing else: the binder builds it, the linter and the evaluator read it.
 */
@AnalyzeClasses(packages = "org.openrma", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule engineDoesNotDependOnSpring = noClasses().that().resideInAPackage("org.openrma..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule engineDoesNotUseJdbc = noClasses().that().resideInAPackage("org.openrma..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule engineDoesNotTalkToTheNetwork = noClasses().that().resideInAPackage("org.openrma..")
            .should().dependOnClassesThat().resideInAPackage("java.net.http..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URL")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection");

    @ArchTest
    static final ArchRule engineNeverReadsTheClock = noClasses().that().resideInAPackage("org.openrma..")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("the engine takes 'now' as an argument; the service injects a Clock");

    @ArchTest
    static final ArchRule theModelKnowsNoStage = noClasses().that().resideInAPackage("org.openrma.policy.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.openrma.policy.source..", "org.openrma.policy.compile..",
                    "org.openrma.policy.lint..", "org.openrma.policy.eval..", "org.openrma.policy.statute..")
            .because("the compiled policy is data the stages share, not a stage");

    @ArchTest
    static final ArchRule theEvaluatorReadsOnlyTheModel = noClasses().that().resideInAPackage("org.openrma.policy.eval..")
            .should().dependOnClassesThat().resideInAnyPackage("org.openrma.policy.source..", "org.openrma.policy.compile..",
                    "org.openrma.policy.lint..")
            .because("deciding a claim needs the compiled model, never the text it came from");

    @ArchTest
    static final ArchRule theCollectingReaderKnowsNoPolicy = noClasses().that().resideInAPackage("org.openrma.reading..")
            .should().dependOnClassesThat().resideInAPackage("org.openrma.policy..")
            .because("policy files, claims and request bodies share one reader; it belongs to none of them");
}
