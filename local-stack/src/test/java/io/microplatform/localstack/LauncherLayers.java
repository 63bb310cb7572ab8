package io.microplatform.localstack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/** How the launcher's packages may depend on each other. */
final class LauncherLayers {

    /** The verbs sit on top: supervision, start-up and faults serve every verb, so none of them may call one. */
    static final ArchRule nothingBelowUsesAVerb = noClasses().that().resideOutsideOfPackage("..cli..")
            .should().dependOnClassesThat().resideInAPackage("..cli..");

    private LauncherLayers() {
    }

    /** Two packages that need each other are one package split in two, or a layer upside down. */
    static ArchRule noCyclesBetweenPackagesOf(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }
}
