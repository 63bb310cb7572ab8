package io.microplatform.support.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering every business service keeps, written once. A service applies all of them with
 * <pre>
 * &#64;AnalyzeClasses(packages = "io.microplatform.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
 * class InventoryArchitectureTest {
 *     &#64;ArchTest
 *     static final ArchTests platformRules = ArchTests.in(ArchitectureRules.class);
 * }
 * </pre>
 * Shipped in service-support's test-jar, so ArchUnit stays out of the services' runtime jars.
 */
public final class ArchitectureRules {

    /** The domain is the business: no HTTP, no broker, no wire format. JPA and validation annotations are fine. */
    @ArchTest
    public static final ArchRule domainKnowsNoTransport = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..",
                    "org.springframework.kafka..",
                    "org.apache.kafka..",
                    "io.microplatform.contracts..",
                    "jakarta.servlet..")
            .because("the domain must not change when an API or a message format does");

    /** The API is the outermost layer: it uses the domain, nothing inside uses it. */
    @ArchTest
    public static final ArchRule nothingInsideUsesTheApi = noClasses()
            .that().resideInAnyPackage("..domain..", "..persistence..")
            .should().dependOnClassesThat().resideInAPackage("..api..")
            .because("response records and exception handlers belong to HTTP, not to the model or its storage");

    private ArchitectureRules() {
    }
}
