package io.microplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

class LauncherLayersTest {

    private static final String PLANTED = "io.microplatform.localstack.fixtures.layers";

    private final JavaClasses launcher = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.microplatform.localstack");
    private final JavaClasses planted = new ClassFileImporter().importPackages(PLANTED);

    @Test
    void theLauncherKeepsItsVerbsOnTopAndItsPackagesAcyclic() {
        LauncherLayers.nothingBelowUsesAVerb.check(launcher);
        LauncherLayers.noCyclesBetweenPackagesOf("io.microplatform.localstack").check(launcher);
    }

    @Test
    void supervisionCallingAVerbIsReported() {
        EvaluationResult result = LauncherLayers.nothingBelowUsesAVerb.evaluate(planted);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("PlantedSupervisor").contains("PlantedVerb"));
    }

    @Test
    void packagesNeedingEachOtherAreReported() {
        EvaluationResult result = LauncherLayers.noCyclesBetweenPackagesOf(PLANTED).evaluate(planted);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("cli", "process");
    }
}
