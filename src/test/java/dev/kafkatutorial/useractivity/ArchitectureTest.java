package dev.kafkatutorial.useractivity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule of imports (docs/architecture.md): {@code Main} → the programs → their package ({@code producer/},
 * {@code consumer/}, {@code processor/}, {@code doctor/}, {@code lab/}, {@code web/}) → {@code cli/} → the shared
 * core (the event, its serde, its event-id header, the language). Nothing imports back up that line, and no two
 * packages import each other. Only {@code Main} starts a lab or the live page ({@code web/}), and only the lab's
 * {@code KafkaNode} touches Kafka's broker classes, which the runnable jar leaves out.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.kafkatutorial.useractivity";
    private static final List<String> PROGRAMS = List.of("Main", "UserActivityProducer", "UserActivityConsumer",
            "UserActivityShareConsumer", "UserActivityProcessor");
    private static final String[] PROGRAM_PACKAGES = {ROOT + ".producer..", ROOT + ".consumer..",
        ROOT + ".processor..", ROOT + ".doctor..", ROOT + ".lab..", ROOT + ".web.."};
    /** Kafka's broker (provided scope: compiled against, not in the runnable jar); kafka-clients has none of these. */
    private static final String[] BROKER_PACKAGES = {"kafka..", "org.apache.kafka.server.common..",
        "org.apache.kafka.metadata..", "org.apache.kafka.raft..", "org.apache.kafka.storage..",
        "org.apache.kafka.controller..", "org.apache.kafka.image.."};

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    private static final DescribedPredicate<JavaClass> A_PROGRAM = DescribedPredicate.describe("a program",
            c -> c.getPackageName().equals(ROOT) && PROGRAMS.contains(c.getSimpleName().replaceAll("\\$.*", "")));
    private static final DescribedPredicate<JavaClass> THE_CORE = DescribedPredicate.describe("the shared core",
            c -> c.getPackageName().equals(ROOT) && !A_PROGRAM.test(c));
    private static final DescribedPredicate<JavaClass> OUTSIDE_THE_CORE = DescribedPredicate.describe(
            "a class of this project outside the shared core",
            c -> c.getPackageName().startsWith(ROOT + ".") || A_PROGRAM.test(c));

    @Test
    void theCoreKnowsNoProgramAndNoPackage() {
        noClasses().that(THE_CORE).should().dependOnClassesThat(OUTSIDE_THE_CORE).check(MAIN_CLASSES);
    }

    @Test
    void noPackageNamesAProgram() {
        noClasses().that().resideInAPackage(ROOT + ".*..").should().dependOnClassesThat(A_PROGRAM)
                .check(MAIN_CLASSES);
    }

    @Test
    void cliNamesNoProgramPackage() {
        noClasses().that().resideInAPackage(ROOT + ".cli..").should().dependOnClassesThat()
                .resideInAnyPackage(PROGRAM_PACKAGES).check(MAIN_CLASSES);
    }

    @Test
    void eachProgramPackageKeepsToItself() {
        for (String own : PROGRAM_PACKAGES) {
            String[] others = java.util.Arrays.stream(PROGRAM_PACKAGES).filter(p -> !p.equals(own))
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(own).should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(MAIN_CLASSES);
        }
    }

    @Test
    void onlyMainStartsTheWebPage() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".web..")
                .and(DescribedPredicate.not(DescribedPredicate.describe("Main",
                        (JavaClass c) -> c.getName().equals(ROOT + ".Main"))))
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".web..").check(MAIN_CLASSES);
    }

    @Test
    void noTwoPackagesImportEachOther() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN_CLASSES);
    }

    @Test
    void onlyMainStartsALab() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".lab..").and().doNotHaveFullyQualifiedName(ROOT + ".Main")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".lab..").check(MAIN_CLASSES);
    }

    @Test
    void onlyTheLabsKafkaNodeTouchesKafkasBroker() {
        noClasses().that().doNotHaveFullyQualifiedName(ROOT + ".lab.KafkaNode")
                .should().dependOnClassesThat().resideInAnyPackage(BROKER_PACKAGES).check(MAIN_CLASSES);
    }
}
