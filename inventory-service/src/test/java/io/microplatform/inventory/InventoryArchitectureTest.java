package io.microplatform.inventory;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.microplatform.support.architecture.ArchitectureRules;

@AnalyzeClasses(packages = "io.microplatform.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class InventoryArchitectureTest {

    @ArchTest
    static final ArchTests platformRules = ArchTests.in(ArchitectureRules.class);
}
