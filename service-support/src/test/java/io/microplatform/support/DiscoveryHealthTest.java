package io.microplatform.support;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.netflix.discovery.EurekaClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.Advised;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real Spring Cloud Eureka client against a registry faked with the JDK's HTTP server. */
class DiscoveryHealthTest {

    // what a Eureka server answers to GET /eureka/apps/ with one service registered
    private static final String REGISTRY = """
            {"applications":{"versions__delta":"1","apps__hashcode":"UP_1_","application":[
              {"name":"INVENTORY-SERVICE","instance":[{"instanceId":"inventory-service:8083","hostName":"127.0.0.1",
               "app":"INVENTORY-SERVICE","ipAddr":"127.0.0.1","status":"UP","port":{"$":8083,"@enabled":"true"},
               "dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"}}]}
            ]}}
            """;

    private final AtomicBoolean registryAnswers = new AtomicBoolean();
    private FakeEurekaRegistry registry;

    @BeforeEach
    void startRegistry() throws IOException {
        registry = FakeEurekaRegistry.answering(() -> registryAnswers.get() ? REGISTRY : null);
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void isDownUntilTheFirstSuccessfulRegistryFetchThenUp() {
        try (ConfigurableApplicationContext context = start(registry.clientArguments())) {
            // the case the indicator unwraps: Spring Cloud hands out the client behind a refresh-scope proxy
            assertThat(context.getBean(EurekaClient.class)).isInstanceOf(Advised.class);
            HealthIndicator discovery = discovery(context);

            Health beforeFetch = discovery.health();
            assertThat(beforeFetch.getStatus()).isEqualTo(Status.DOWN);
            assertThat(beforeFetch.getDetails()).containsEntry("description", "no successful registry fetch yet");

            registryAnswers.set(true);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(discovery.health().getStatus()).isEqualTo(Status.UP));
            assertThat(discovery.health().getDetails()).containsEntry("applications", List.of("INVENTORY-SERVICE"));
        }
    }

    @Test
    void isUpAndSaysSoWhenTheEurekaClientIsDisabled() {
        try (ConfigurableApplicationContext context = start("--eureka.client.enabled=false")) {
            Health health = discovery(context).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).isEqualTo(Map.of("description", "discovery disabled"));
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .run(concat("--spring.application.name=discovery-test", args));
    }

    // looked up by the contributor name the readiness group uses
    private static HealthIndicator discovery(ConfigurableApplicationContext context) {
        return (HealthIndicator) context.getBean(HealthContributorRegistry.class).getContributor("discovery");
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }
}
