package io.microplatform.support.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.microplatform.support.architecture.ArchitectureRules.contractsOnlyInMessaging;
import static io.microplatform.support.architecture.ArchitectureRules.domainIsNoSpringBean;
import static io.microplatform.support.architecture.ArchitectureRules.domainKnowsNoTransport;
import static io.microplatform.support.architecture.ArchitectureRules.domainOpensNoTransactions;
import static io.microplatform.support.architecture.ArchitectureRules.nothingInsideUsesTheApi;
import static io.microplatform.support.architecture.ArchitectureRules.resilienceOnlyInClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every rule against classes that break it on purpose (fixtures.leaky) and classes laid out right (fixtures.clean). */
class ArchitectureRulesTest {

    private static final JavaClasses LEAKY = new ClassFileImporter().importPackages("io.microplatform.support.fixtures.leaky");
    private static final JavaClasses CLEAN = new ClassFileImporter().importPackages("io.microplatform.support.fixtures.clean");

    /** The rule, the member that breaks it and what it wrongly depends on, as the violation names them. */
    static Stream<Arguments> plantedViolations() {
        return Stream.of(
                arguments("domainKnowsNoTransport", domainKnowsNoTransport, "LeakyItem",
                        "org.springframework.kafka.core.KafkaTemplate"),
                arguments("nothingInsideUsesTheApi", nothingInsideUsesTheApi, "LeakyItem", "LeakyResponse"),
                arguments("nothingInsideUsesTheApi", nothingInsideUsesTheApi, "LeakyStore", "LeakyResponse"),
                arguments("domainIsNoSpringBean", domainIsNoSpringBean, "LeakyPricing",
                        "annotated with <org.springframework.stereotype.Service>"),
                arguments("domainOpensNoTransactions", domainOpensNoTransactions, "LeakyBooking.book()",
                        "annotated with <org.springframework.transaction.annotation.Transactional>"),
                arguments("domainOpensNoTransactions", domainOpensNoTransactions, "LeakyBooking.bookWith",
                        "org.springframework.transaction.support.TransactionTemplate"),
                arguments("contractsOnlyInMessaging", contractsOnlyInMessaging, "LeakyOrderForm",
                        "io.microplatform.contracts.OrderLine"),
                arguments("resilienceOnlyInClients", resilienceOnlyInClients, "LeakyOrderForm",
                        "io.github.resilience4j.circuitbreaker.CircuitBreaker"));
    }

    @ParameterizedTest(name = "{0}: {2} -> {3}")
    @MethodSource("plantedViolations")
    void reportsThePlantedViolation(String name, ArchRule rule, String member, String dependency) {
        assertThat(violationsOf(rule)).anySatisfy(line -> assertThat(line).contains(member).contains(dependency));
    }

    @Test
    void reportsOnlyWhatBreaksTheRule() {
        // LeakyItem uses Spring's KafkaTemplate but is no bean: the transport rule's concern, not this one's
        assertThat(violationsOf(domainIsNoSpringBean)).noneSatisfy(line -> assertThat(line).contains("LeakyItem"));
        // the field limits are the order's size contract, which the API validates against: not a message
        assertThat(violationsOf(contractsOnlyInMessaging)).noneSatisfy(line -> assertThat(line).contains("FieldLimits"));
    }

    @Test
    void aServiceLaidOutAsTheStyleGuideSaysBreaksNoRule() {
        assertThat(List.of(domainKnowsNoTransport, nothingInsideUsesTheApi, domainIsNoSpringBean,
                domainOpensNoTransactions, contractsOnlyInMessaging, resilienceOnlyInClients))
                .allSatisfy(rule -> assertThat(rule.evaluate(CLEAN).getFailureReport().getDetails())
                        .as(rule.getDescription()).isEmpty());
    }

    /** One line per violation, naming the class or member and what it depends on. */
    private static List<String> violationsOf(ArchRule rule) {
        return rule.evaluate(LEAKY).getFailureReport().getDetails();
    }
}
