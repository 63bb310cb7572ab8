package io.microplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Where a service's third party is, with the service's own application.yml: the simulated one it hosts only under the
 * profile {@code simulated-third-parties}, a configured URL otherwise, and no start at all with neither (a failure
 * analysis naming the property and the profile). A service's test extends it and names its client, its simulated
 * controller and its properties; {@link #clientAndSimulated()} imports service-support's ThirdPartiesAutoConfiguration
 * (with Boot's Jackson, message converter and RestClient auto-configuration) and scans the client and simulated
 * packages.
 */
public abstract class ThirdPartyConfigurationContract {

    private static final String SIMULATED = "simulated-third-parties";
    // a module's test config/application.yml turns the simulated profile on for its other tests
    private static final String PRODUCTION = "spring.profiles.active=production";

    /** The third party as service-support names it: payment-provider, carrier. */
    protected abstract String thirdParty();

    protected abstract Class<?> client();

    protected abstract String simulatedControllerBean();

    /** payment.provider.base-url */
    protected abstract String baseUrlProperty();

    /** The environment variable a deployment sets the URL with: PAYMENT_PROVIDER_URL. */
    protected abstract String urlVariable();

    /** The service's own port variable (PAYMENT_SERVICE_PORT) and where the simulated one answers under it. */
    protected abstract String portVariable();

    protected abstract String simulatedPath();

    protected abstract Class<?> clientAndSimulated();

    private ApplicationContextRunner contexts() {
        return new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults)
                .withBean(TimeLimiterRegistry.class, TimeLimiterRegistry::ofDefaults)
                .withBean(BulkheadRegistry.class, BulkheadRegistry::ofDefaults)
                .withBean(RetryRegistry.class, RetryRegistry::ofDefaults)
                .withUserConfiguration(clientAndSimulated());
    }

    @Test
    void callsTheSimulatedOneItHostsUnderTheProfile() {
        contexts().withPropertyValues("spring.profiles.active=" + SIMULATED, portVariable() + "=8999").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(client()).hasBean(simulatedControllerBean());
            assertThat(context.getEnvironment().getProperty(baseUrlProperty()))
                    .isEqualTo("http://127.0.0.1:8999" + simulatedPath());
        });
    }

    @Test
    void callsTheConfiguredUrlAndHostsNoSimulatedOneWithoutTheProfile() {
        contexts().withPropertyValues(PRODUCTION, urlVariable() + "=https://third-party.example.com").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(client()).doesNotHaveBean(simulatedControllerBean());
            assertThat(context.getEnvironment().getProperty(baseUrlProperty()))
                    .isEqualTo("https://third-party.example.com");
        });
    }

    @Test
    void refusesToStartWithNeitherTheProfileNorAUrl() {
        contexts().withPropertyValues(PRODUCTION).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = failureAnalysis(context.getStartupFailure());

            assertThat(analysis.getDescription()).isEqualTo("The third party '" + thirdParty() + "' has no URL: "
                    + baseUrlProperty() + " is not set.");
            assertThat(analysis.getAction()).contains("'" + SIMULATED + "'");
        });
    }

    /** What the failure analyzers registered in spring.factories say of a failed start, as Boot would print it. */
    public static FailureAnalysis failureAnalysis(Throwable startupFailure) {
        return SpringFactoriesLoader.forDefaultResourceLocation()
                // Boot's own analyzers need a bean factory a failed test context cannot give: left out
                .load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, e) -> {
                })).stream()
                .map(analyzer -> analyzer.analyze(startupFailure))
                .filter(Objects::nonNull)
                .findFirst().orElseThrow();
    }
}
