package io.holdfast.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.holdfast.command.archprobe.ReachesIntoTheQuerySide;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/DESIGN.md, checked on the compiled classes. {@code check} fails the
 * test with every violation listed; {@link #theRulesCatchABreach()} proves a rule does fail.
 */
class ArchitectureTest {

    private static JavaClasses holdfast;

    @BeforeAll
    static void importClasses() {
        holdfast = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.holdfast");
    }

    private static final ArchRule COMMAND_SIDE_DOES_NOT_KNOW_QUERY_SIDE = noClasses()
            .that()
            .resideInAPackage("io.holdfast.command..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.holdfast.query..")
            .because("the two sides meet only through the shared kernel's messages");

    @Test
    void theCommandSideDoesNotKnowTheQuerySide() {
        EvaluationResult result = COMMAND_SIDE_DOES_NOT_KNOW_QUERY_SIDE.evaluate(holdfast);
        assertThat(result.getFailureReport().getDetails()).isEmpty();
    }

    @Test
    void theRulesCatchABreach() {
        JavaClasses breach = new ClassFileImporter().importClasses(ReachesIntoTheQuerySide.class);
        EvaluationResult result = COMMAND_SIDE_DOES_NOT_KNOW_QUERY_SIDE.evaluate(breach);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(detail -> detail.contains("ReachesIntoTheQuerySide") && detail.contains("ReadParameters"));
    }

    @Test
    void theQuerySideDoesNotKnowTheCommandSide() {
        noClasses()
                .that()
                .resideInAPackage("io.holdfast.query..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.holdfast.command..")
                .because("the two sides meet only through the shared kernel's messages")
                .allowEmptyShould(true)
                .check(holdfast); // throws an AssertionError listing every violation
    }

    @Test
    void neitherSideKnowsTheDeployable() {
        noClasses()
                .that()
                .resideInAnyPackage("io.holdfast.command..", "io.holdfast.query..", "io.holdfast.kernel..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.holdfast.app..")
                .check(holdfast); // throws an AssertionError listing every violation
    }

    @Test
    void thePackagesOfEachModuleDependOnEachOtherWithoutCycles() {
        for (String module : new String[] {"app", "command", "query", "kernel"}) {
            slices().matching("io.holdfast." + module + ".(*)..")
                    .should()
                    .beFreeOfCycles()
                    .check(holdfast); // throws an AssertionError naming every cycle
        }
    }

    @Test
    void theSharedKernelIsPlainJavaWithoutSpring() {
        noClasses()
                .that()
                .resideInAPackage("io.holdfast.kernel..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.persistence..")
                .check(holdfast); // throws an AssertionError listing every violation
    }

    @Test
    void theSharedKernelUsesOnlyJavaJacksonAnnotationsAndAxonsRoutingAnnotations() {
        classes()
                .that()
                .resideInAPackage("io.holdfast.kernel..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "io.holdfast.kernel..",
                        "com.fasterxml.jackson.annotation..",
                        "org.axonframework.modelling.command..",
                        "org.axonframework.serialization..")
                .check(holdfast); // throws an AssertionError listing every violation
    }

    @Test
    void readControllersAskOnlyTheQueryGateway() {
        noClasses()
                .that()
                .resideInAPackage("io.holdfast.query..")
                .and()
                .haveSimpleNameEndingWith("Controller")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.axonframework.eventsourcing.eventstore.EventStore")
                .because("reads go through the query gateway, so they work unchanged when Axon Server routes queries")
                .check(holdfast); // throws an AssertionError listing every violation
    }

    @Test
    void writeControllersOnlySendCommands() {
        noClasses()
                .that()
                .resideInAPackage("io.holdfast.command..")
                .and()
                .haveSimpleNameEndingWith("Controller")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.axonframework.eventsourcing.eventstore.EventStore")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
                .check(holdfast); // throws an AssertionError listing every violation
    }

    @Test
    void messagesOfTheSharedKernelAreImmutableRecords() {
        classes()
                .that()
                .resideInAPackage("io.holdfast.kernel..")
                .and()
                .areNotEnums()
                .and()
                .areNotInterfaces()
                .and()
                .areNotAssignableTo(Throwable.class)
                .and()
                .doNotHaveSimpleName("Require")
                .and()
                .doNotHaveSimpleName("package-info")
                .and()
                .areTopLevelClasses()
                .should()
                .beAssignableTo(Record.class)
                .orShould(beStatelessRuleHolders())
                .check(holdfast); // throws an AssertionError listing every violation
    }

    /** A final class of static functions only (such as how addresses are compared): nothing in it can change. */
    private static ArchCondition<JavaClass> beStatelessRuleHolders() {
        return new ArchCondition<>("be final classes without instance fields") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean stateless = type.getModifiers().contains(JavaModifier.FINAL)
                        && type.getFields().stream()
                                .allMatch(field -> field.getModifiers().contains(JavaModifier.STATIC)
                                        && field.getModifiers().contains(JavaModifier.FINAL));
                if (!stateless) {
                    events.add(SimpleConditionEvent.violated(
                            type, type.getName() + " is neither a record nor a final class of static functions"));
                }
            }
        };
    }
}
