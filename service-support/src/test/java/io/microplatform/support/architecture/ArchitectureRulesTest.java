package io.microplatform.support.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureRulesTest {

    private final JavaClasses leaky = new ClassFileImporter().importPackages("io.microplatform.support.fixtures.leaky");
    private final JavaClasses clean = new ClassFileImporter().importPackages("io.microplatform.support.fixtures.clean");

    @Test
    void domainDependingOnKafkaIsReported() {
        EvaluationResult result = ArchitectureRules.domainKnowsNoTransport.evaluate(leaky);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("LeakyItem").contains("org.springframework.kafka.core.KafkaTemplate"));
    }

    @Test
    void domainAndPersistenceUsingTheApiAreReported() {
        EvaluationResult result = ArchitectureRules.nothingInsideUsesTheApi.evaluate(leaky);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("LeakyItem").contains("LeakyResponse"))
                .anySatisfy(line -> assertThat(line).contains("LeakyStore").contains("LeakyResponse"));
    }

    @Test
    void aSpringBeanInTheDomainIsReported() {
        EvaluationResult result = ArchitectureRules.domainIsNoSpringBean.evaluate(leaky);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("LeakyPricing").contains("org.springframework.stereotype.Service"))
                .noneSatisfy(line -> assertThat(line).contains("LeakyItem"));
    }

    @Test
    void aTransactionOpenedInTheDomainIsReportedEitherWay() {
        EvaluationResult result = ArchitectureRules.domainOpensNoTransactions.evaluate(leaky);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("LeakyBooking.book()")
                        .contains("annotated with <org.springframework.transaction.annotation.Transactional>"))
                .anySatisfy(line -> assertThat(line).contains("LeakyBooking.bookWith").contains("TransactionTemplate"));
    }

    @Test
    void aMessageUsedOutsideMessagingIsReportedButTheFieldLimitsAreNot() {
        EvaluationResult result = ArchitectureRules.contractsOnlyInMessaging.evaluate(leaky);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("LeakyOrderForm").contains("io.microplatform.contracts.OrderLine"))
                .noneSatisfy(line -> assertThat(line).contains("FieldLimits"));
    }

    @Test
    void resilience4jOutsideAClientIsReported() {
        EvaluationResult result = ArchitectureRules.resilienceOnlyInClients.evaluate(leaky);

        assertThat(result.getFailureReport().getDetails())
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
}
