package org.openrma.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module's shape: names, the state machine kept free of frameworks, no clock reads outside the injected Clock. */
@AnalyzeClasses(packages = "org.openrma.service", importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTests.NotSpringAotOutput.class})
class ArchitectureTests {

    /** Spring AOT's generated bean definitions (target/classes after a package) wire every layer by design. */
    static final class NotSpringAotOutput implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("__BeanDefinitions") && !location.contains("__Autowiring")
                    && !location.contains("__BeanFactoryRegistrations") && !location.contains("__ApplicationContextInitializer");
        }
    }


    @ArchTest
    static final ArchRule noImplOrDefaultNames = noClasses().should().haveSimpleNameEndingWith("Impl")
            .orShould().haveSimpleNameStartingWith("Default");

    @ArchTest
    static final ArchRule theStateMachineUsesNoFrameworkOrDatabase = noClasses()
            .that().haveSimpleNameStartingWith("Rma").and().haveSimpleNameNotEndingWith("Controller")
            .and().haveSimpleNameNotEndingWith("Management").and().haveSimpleNameNotEndingWith("View").and().doNotHaveSimpleName("Rmas")
            .and().resideInAPackage("..service.rma..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule nothingReadsTheSystemClock = noClasses().that().doNotHaveSimpleName("OpenRmaApplication")
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.OffsetDateTime.class, "now")
            .orShould().callMethod(java.time.Clock.class, "systemUTC").because("time comes from the injected Clock");

    @ArchTest
    static final ArchRule theDomainRefusesWithoutSpeakingHttp = noClasses()
            .that().resideOutsideOfPackages("..service.web..", "..service.ui..")
            .and().haveSimpleNameNotEndingWith("Controller")
            .and().haveNameNotMatching(".*\\.ApiAuthentication(\\$.*)?")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.openrma.service.web.ApiProblem")
            .because("the domain throws its own Refusal kinds; only the web edge (controllers, filters, pages) turns them into problem+json");

    @ArchTest
    static final ArchRule controllersOnlyInTheirCapability = classes().that().haveSimpleNameEndingWith("Controller")
            .should().resideOutsideOfPackage("org.openrma.service.web");
}
