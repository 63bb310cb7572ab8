package io.microplatform.support;

import io.microplatform.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Both contributors as Boot wires them, the Kafka one against test-support's real broker. */
@SpringBootTest(classes = PlatformHealthIT.App.class, webEnvironment = WebEnvironment.NONE,
        properties = "spring.application.name=service-support")
@EmbeddedInfrastructure
class PlatformHealthIT {

    @Autowired
    private HealthContributorRegistry health;

    @Test
    void kafkaIsUpWhenTheBrokerAnswers() {
        Health kafka = ((HealthIndicator) health.getContributor("kafka")).health();

        assertThat(kafka.getStatus()).isEqualTo(Status.UP);
        assertThat(kafka.getDetails()).containsKey("clusterId").containsEntry("nodes", 1);
    }

    @Test
    void discoveryIsUpWhenTheEurekaClientIsDisabled() {
        Health discovery = ((HealthIndicator) health.getContributor("discovery")).health();

        assertThat(discovery.getStatus()).isEqualTo(Status.UP);
        assertThat(discovery.getDetails()).containsEntry("description", "discovery disabled");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }
}
