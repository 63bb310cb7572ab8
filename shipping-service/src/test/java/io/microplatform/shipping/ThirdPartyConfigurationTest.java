package io.microplatform.shipping;

import java.util.Objects;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.microplatform.shipping.client.CarrierClient;
import io.microplatform.support.client.ThirdPartiesAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where shipping-service's carrier is, with the service's own application.yml: the simulated one it hosts only
 * under the profile simulated-third-parties, a configured URL otherwise, and no start at all with neither.
 */
class ThirdPartyConfigurationTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, RestClientAutoConfiguration.class,
                    ThirdPartiesAutoConfiguration.class))
            .withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults)
            .withBean(TimeLimiterRegistry.class, TimeLimiterRegistry::ofDefaults)
            .withBean(BulkheadRegistry.class, BulkheadRegistry::ofDefaults)
            .withBean(RetryRegistry.class, RetryRegistry::ofDefaults)
            .withUserConfiguration(ClientAndSimulated.class);

    @Test
    void callsTheSimulatedCarrierItHostsUnderTheProfile() {
        contexts.withPropertyValues("spring.profiles.active=simulated-third-parties", "SHIPPING_SERVICE_PORT=8999")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(CarrierClient.class)
                            .hasBean("simulatedCarrierController");
                    assertThat(context.getEnvironment().getProperty("shipping.carrier.base-url"))
                            .isEqualTo("http://127.0.0.1:8999/simulated/carrier");
                });
    }

    @Test
    void callsTheConfiguredUrlAndHostsNoSimulatedCarrierWithoutTheProfile() {
        contexts.withPropertyValues(PRODUCTION, "CARRIER_URL=https://carrier.example.com").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(CarrierClient.class)
                    .doesNotHaveBean("simulatedCarrierController");
            assertThat(context.getEnvironment().getProperty("shipping.carrier.base-url"))
                    .isEqualTo("https://carrier.example.com");
        });
    }

    @Test
    void refusesToStartWithNeitherTheProfileNorAUrl() {
        contexts.withPropertyValues(PRODUCTION).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = SpringFactoriesLoader.forDefaultResourceLocation()
                    // Boot's own analyzers need a bean factory this failed context cannot give: left out
                    .load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, e) -> {
                    })).stream()
                    .map(analyzer -> analyzer.analyze(context.getStartupFailure()))
                    .filter(Objects::nonNull)
                    .findFirst().orElseThrow();

            assertThat(analysis.getDescription())
                    .isEqualTo("The third party 'carrier' has no URL: shipping.carrier.base-url is not set.");
            assertThat(analysis.getAction()).contains("'simulated-third-parties'");
        });
    }

    // the tests' config/application.yml turns the profile on for every other test of this module
    private static final String PRODUCTION = "spring.profiles.active=production";

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackages = { "io.microplatform.shipping.client", "io.microplatform.shipping.simulated" })
    static class ClientAndSimulated {
    }
}
