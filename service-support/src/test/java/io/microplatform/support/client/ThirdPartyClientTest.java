package io.microplatform.support.client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.microplatform.testsupport.StubEndpoint;
import io.microplatform.testsupport.ThirdPartyConfigurationContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The abstraction on its own, wired by its auto-configuration against a stub third party; what every service's
 * client of a third party promises on top of it is ThirdPartyClientContract's, run by those services.
 */
class ThirdPartyClientTest {

    // far below the read timeout below (2 s): what stops the wait is the time limiter, not the HTTP client
    private static final Duration TIME_LIMIT = Duration.ofMillis(300);
    private static final StubEndpoint THIRD_PARTY = StubEndpoint.start("/bookings", "{\"reference\":\"ref-1\"}");

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, RestClientAutoConfiguration.class,
                    ThirdPartiesAutoConfiguration.class))
            .withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults)
            .withBean(TimeLimiterRegistry.class, () -> TimeLimiterRegistry.of(TimeLimiterConfig.custom()
                    .timeoutDuration(TIME_LIMIT)
                    .build()))
            .withBean(BulkheadRegistry.class, BulkheadRegistry::ofDefaults)
            .withBean(RetryRegistry.class, () -> RetryRegistry.of(RetryConfig.custom()
                    .maxAttempts(2)
                    .waitDuration(Duration.ofMillis(10))
                    .retryExceptions(HttpServerErrorException.class)
                    .build()));

    @BeforeEach
    void answerNormally() {
        THIRD_PARTY.reset();
    }

    @AfterAll
    static void stop() {
        THIRD_PARTY.close();
    }

    @Test
    void postsTheRequestAsJsonAndReadsTheAnswer() {
        contexts.run(context -> {
            assertThat(book(context).reference()).isEqualTo("ref-1");
            assertThat(THIRD_PARTY.calls()).isOne();
        });
    }

    @Test
    void turnsA4xxIntoTheServicesOwnRejectionAndDoesNotRetryIt() {
        THIRD_PARTY.failWith(422);

        contexts.run(context -> {
            Refused refused = catchThrowableOfType(Refused.class, () -> book(context));

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused).hasMessage("carrier answered 422: {\"status\":422}");
            assertThat(THIRD_PARTY.calls()).isOne();
        });
    }

    @Test
    void retriesThroughTheInstancesNamedAfterTheThirdParty() {
        THIRD_PARTY.failWith(503);

        contexts.run(context -> {
            assertThatExceptionOfType(HttpServerErrorException.class).isThrownBy(() -> book(context));
            assertThat(THIRD_PARTY.calls()).isEqualTo(2);
            assertThat(context.getBean(CircuitBreakerRegistry.class).circuitBreaker("carrier").getMetrics()
                    .getNumberOfFailedCalls()).isEqualTo(2);
        });
    }

    @Test
    void sendsTheCallersIdempotencyKeyWithEveryAttempt() {
        THIRD_PARTY.failWith(503);

        contexts.run(context -> {
            catchThrowableOfType(HttpServerErrorException.class, () -> book(context));

            assertThat(THIRD_PARTY.header("Idempotency-Key"))
                    .containsExactly(Optional.of("booking-order-1"), Optional.of("booking-order-1"));
        });
    }

    @Test
    void refusesACallWithoutAnIdempotencyKeyBeforeSendingIt() {
        contexts.run(context -> {
            ThirdPartyClient client = connect(context.getBean(ThirdParties.class));

            assertThatExceptionOfType(IllegalArgumentException.class)
                    .isThrownBy(() -> client.post("/bookings", Map.of("orderId", "order-1"), " ", Booking.class));
            assertThat(THIRD_PARTY.calls()).isZero();
        });
    }

    @Test
    void stopsWaitingAtTheTimeLimitAndCountsItAsATechnicalFailure() {
        THIRD_PARTY.hold();

        contexts.run(context -> {
            try {
                assertThatExceptionOfType(ResourceAccessException.class).isThrownBy(() -> book(context))
                        .withMessage("carrier did not answer /bookings within 300 ms");
            }
            finally {
                THIRD_PARTY.release();
            }
            TimeLimiterRegistry limiters = context.getBean(TimeLimiterRegistry.class);
            assertThat(limiters.getAllTimeLimiters()).singleElement()
                    .satisfies(limiter -> assertThat(limiter.getName()).isEqualTo("carrier"));
            assertThat(context.getBean(CircuitBreakerRegistry.class).circuitBreaker("carrier").getMetrics()
                    .getNumberOfFailedCalls()).isOne();
            assertThat(THIRD_PARTY.calls()).as("a timeout is not retried by this retry's configuration").isOne();
        });
    }

    @Test
    void refusesToStartWithoutTheThirdPartysUrlAndSaysWhatToSet() {
        contexts.withUserConfiguration(UnconfiguredCarrier.class).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = ThirdPartyConfigurationContract.failureAnalysis(context.getStartupFailure());

            assertThat(analysis.getDescription())
                    .isEqualTo("The third party 'carrier' has no URL: carrier.base-url is not set.");
            assertThat(analysis.getAction()).contains("carrier.base-url", "'simulated-third-parties'");
        });
    }

    private static Booking book(ApplicationContext context) {
        return connect(context.getBean(ThirdParties.class)).post("/bookings", Map.of("orderId", "order-1"),
                "booking-order-1", Booking.class);
    }

    private static ThirdPartyClient connect(ThirdParties thirdParties) {
        return thirdParties.connect("carrier",
                new Settings(URI.create(THIRD_PARTY.baseUrl()), Duration.ofSeconds(1), Duration.ofSeconds(2)),
                Refused::new);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CarrierSettings.class)
    static class UnconfiguredCarrier {

        @Bean
        ThirdPartyClient carrierClient(ThirdParties thirdParties, CarrierSettings carrier) {
            return thirdParties.connect("carrier", carrier, Refused::new);
        }
    }

    @ConfigurationProperties("carrier")
    record CarrierSettings(URI baseUrl, @DefaultValue("1s") Duration connectTimeout,
            @DefaultValue("2s") Duration readTimeout) implements ThirdPartySettings {
    }

    record Settings(URI baseUrl, Duration connectTimeout, Duration readTimeout) implements ThirdPartySettings {
    }

    record Booking(String reference) {
    }

    static final class Refused extends ThirdPartyRejectedException {

        Refused(int status, String detail) {
            super("carrier", status, detail);
        }
    }
}
