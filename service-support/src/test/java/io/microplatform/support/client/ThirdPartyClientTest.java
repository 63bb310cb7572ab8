package io.microplatform.support.client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.microplatform.testsupport.StubEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.HttpServerErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The abstraction on its own, wired by its auto-configuration against a stub third party; what every service's
 * client of a third party promises on top of it is ThirdPartyClientContract's, run by those services.
 */
class ThirdPartyClientTest {

    private static final StubEndpoint THIRD_PARTY = StubEndpoint.start("/bookings", "{\"reference\":\"ref-1\"}");

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, RestClientAutoConfiguration.class,
                    ThirdPartiesAutoConfiguration.class))
            .withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults)
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

    private static Booking book(ApplicationContext context) {
        return connect(context.getBean(ThirdParties.class)).post("/bookings", Map.of("orderId", "order-1"),
                Booking.class);
    }

    private static ThirdPartyClient connect(ThirdParties thirdParties) {
        return thirdParties.connect("carrier",
                new Settings(URI.create(THIRD_PARTY.baseUrl()), Duration.ofSeconds(1), Duration.ofSeconds(2)),
                Refused::new);
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
