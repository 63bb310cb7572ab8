package io.microplatform.support.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
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

    /**
     * The domain is plain objects: the application service (OrderManagement and its kind) is the bean and the
     * transaction boundary; configuration, stores and controllers live in their own packages.
     */
    @ArchTest
    public static final ArchRule domainIsNoSpringBean = noClasses()
            .that().resideInAPackage("..domain..")
            .should().beMetaAnnotatedWith("org.springframework.stereotype.Component")
            .orShould().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.stereotype..",
                    "org.springframework.context.annotation..")
            .because("a domain class is created by its aggregate or its tests, not found by a component scan");

    /** Who opens a transaction is decided once, by the application service, never inside the model. */
    @ArchTest
    public static final ArchRule domainOpensNoTransactions = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.transaction..",
                    "jakarta.transaction..")
            .because("the application service is the transaction boundary; a domain method is one step inside it");

    /**
     * Message records, topics and headers are read and written by the listeners and publishers only, so a message
     * format change touches one package. FieldLimits is not a message: it is the size and character contract of an
     * order's fields, which the API validates requests against (its annotations need those constants).
     */
    @ArchTest
    public static final ArchRule contractsOnlyInMessaging = noClasses()
            .that().resideOutsideOfPackages("..messaging..", "io.microplatform.contracts..")
            .should().dependOnClassesThat(resideInAPackage("io.microplatform.contracts..")
                    .and(not(name("io.microplatform.contracts.FieldLimits"))))
            .because("the domain and the API translate to and from messages only through messaging");

    /**
     * Breakers, retries, bulkheads and time limiters wrap synchronous calls to other processes, which live in
     * client. service-support's tracing, which turns every resilience4j decision into a span event, is shared
     * plumbing and is not a service package: these rules never see it.
     */
    @ArchTest
    public static final ArchRule resilienceOnlyInClients = noClasses()
            .that().resideOutsideOfPackage("..client..")
            .should().dependOnClassesThat().resideInAPackage("io.github.resilience4j..")
            .because("Kafka listeners have their own retries and dead letters; only outbound calls need resilience4j");

    private ArchitectureRules() {
    }
}
