package org.datatrail;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages' allowed dependencies, checked on the compiled classes: features depend on {@code system}, never the
 * other way round; and no new import cycle between packages. The cycles there already are recorded in
 * {@code src/test/resources/archunit-store} (ArchUnit's frozen violations): a change that adds a cycle, or a new
 * dependency along one, fails; a change that removes one shrinks the record. Untangling the recorded ones is issue 20.
 */
class ArchitectureTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.datatrail");
    }

    @Test
    void theSystemDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.datatrail.system..")
            .should().dependOnClassesThat().resideInAnyPackage("org.datatrail.audit..", "org.datatrail.bench..", "org.datatrail.campaign..",
                    "org.datatrail.consent..", "org.datatrail.dataset..", "org.datatrail.document..", "org.datatrail.enforcement..",
                    "org.datatrail.evidence..", "org.datatrail.generate..", "org.datatrail.ingest..", "org.datatrail.organisation..",
                    "org.datatrail.report..", "org.datatrail.security..", "org.datatrail.timeline..", "org.datatrail.transfer..")
            .orShould().dependOnClassesThat().resideInAPackage("org.datatrail")
            .because("features use the system; the system must not know them (a feature plugs in, e.g. as a StartUpStep)")
            .check(classes);
    }

    @Test
    void noNewCycleBetweenPackages() {
        FreezingArchRule.freeze(slices().matching("org.datatrail.(*)..").should().beFreeOfCycles()).check(classes);
    }
}
