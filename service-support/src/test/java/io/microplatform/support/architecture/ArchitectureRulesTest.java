package io.microplatform.support.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureRulesTest {

    private final JavaClasses leaky = new ClassFileImporter().importPackages("io.microplatform.support.fixtures.leaky");
    private final JavaClasses clean = new ClassFileImporter().importPackages("io.microplatform.support.fixtures.clean");

    @Test
    void domainDependingOnKafkaIsReported() {
        assertThat(violationsOf(ArchitectureRules.domainKnowsNoTransport))
                .anySatisfy(line -> assertThat(line).contains("LeakyItem").contains("org.springframework.kafka.core.KafkaTemplate"));
    }

    @Test
    void domainAndPersistenceUsingTheApiAreReported() {
        assertThat(violationsOf(ArchitectureRules.nothingInsideUsesTheApi))
                .anySatisfy(line -> assertThat(line).contains("LeakyItem").contains("LeakyResponse"))
                .anySatisfy(line -> assertThat(line).contains("LeakyStore").contains("LeakyResponse"));
    }

    @Test
    void aSpringBeanInTheDomainIsReported() {
        assertThat(violationsOf(ArchitectureRules.domainIsNoSpringBean))
                .anySatisfy(line -> assertThat(line).contains("LeakyPricing").contains("org.springframework.stereotype.Service"))
                .noneSatisfy(line -> assertThat(line).contains("LeakyItem"));
    }

    @Test
    void aTransactionOpenedInTheDomainIsReportedEitherWay() {
        assertThat(violationsOf(ArchitectureRules.domainOpensNoTransactions))
                .anySatisfy(line -> assertThat(line).contains("LeakyBooking.book()")
                        .contains("annotated with <org.springframework.transaction.annotation.Transactional>"))
                .anySatisfy(line -> assertThat(line).contains("LeakyBooking.bookWith").contains("TransactionTemplate"));
    }

    @Test
    void aMessageUsedOutsideMessagingIsReportedButTheFieldLimitsAreNot() {
        assertThat(violationsOf(ArchitectureRules.contractsOnlyInMessaging))
                .anySatisfy(line -> assertThat(line).contains("LeakyOrderForm").contains("io.microplatform.contracts.OrderLine"))
                .noneSatisfy(line -> assertThat(line).contains("FieldLimits"));
    }

    @Test
    void resilience4jOutsideAClientIsReported() {
        assertThat(violationsOf(ArchitectureRules.resilienceOnlyInClients))
                .anySatisfy(line -> assertThat(line).contains("LeakyOrderForm").contains("CircuitBreaker"));
    }

    @Test
    void aServiceLaidOutAsTheStyleGuideSaysBreaksNoRule() {
        assertThat(List.of(ArchitectureRules.domainKnowsNoTransport, ArchitectureRules.nothingInsideUsesTheApi,
                ArchitectureRules.domainIsNoSpringBean, ArchitectureRules.domainOpensNoTransactions,
                ArchitectureRules.contractsOnlyInMessaging, ArchitectureRules.resilienceOnlyInClients))
                .allSatisfy(rule -> assertThat(rule.evaluate(clean).getFailureReport().getDetails())
                        .as(rule.getDescription()).isEmpty());
    }

    /** One line per violation, naming the class, the member and what it depends on. */
    private List<String> violationsOf(ArchRule rule) {
        return rule.evaluate(leaky).getFailureReport().getDetails();
    }
}
