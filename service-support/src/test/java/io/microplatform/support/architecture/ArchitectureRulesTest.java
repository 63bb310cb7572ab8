package io.microplatform.support.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
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
    void apiUsingTheDomainIsAllowed() {
        assertThat(ArchitectureRules.domainKnowsNoTransport.evaluate(clean).hasViolation()).isFalse();
        assertThat(ArchitectureRules.nothingInsideUsesTheApi.evaluate(clean).hasViolation()).isFalse();
    }
}
