package io.microplatform.shipping.client;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot3.bulkhead.autoconfigure.BulkheadAutoConfiguration;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration;
import io.microplatform.testsupport.StubEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The decorator order of {@link CarrierClient} as it runs, with the real resilience4j aspects and
 * application.yml's settings, over real HTTP to a StubEndpoint: no database, no Kafka.
 */
@SpringBootTest(classes = CarrierClientTest.Setup.class, webEnvironment = WebEnvironment.NONE)
class CarrierClientTest {

    private static final StubEndpoint CARRIER = StubEndpoint.start("/bookings", "{\"trackingNumber\":\"SIMDE1\"}");

    @DynamicPropertySource
    static void carrierUrl(DynamicPropertyRegistry registry) {
        registry.add("shipping.carrier.base-url", CARRIER::baseUrl);
    }

    @Autowired
    private CarrierClient client;
    @Autowired
    private CircuitBreakerRegistry breakers;

    @BeforeEach
    void closeTheBreaker() {
        breaker().reset();
        CARRIER.reset();
    }

    @AfterAll
    static void stop() {
        CARRIER.close();
    }

    @Test
    void aFullBulkheadRejectsAtOnceWithoutRetryAndWithoutCountingAsAFailure() throws Exception {
        CARRIER.hold();
        ExecutorService callers = Executors.newFixedThreadPool(5);
        try {
            // max-concurrent-calls: 5, all five held by the carrier
            List<Future<String>> held = IntStream.range(0, 5)
                    .mapToObj(i -> callers.submit(() -> book()))
                    .toList();
            await().until(() -> CARRIER.calls() == 5);

            assertThatThrownBy(this::book).isInstanceOf(BulkheadFullException.class);

            // not retried (no sixth call reached the carrier) and ignored by the breaker
            assertThat(CARRIER.calls()).isEqualTo(5);
            assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isZero();
            CARRIER.release();
            for (Future<String> call : held) {
                assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo("SIMDE1");
            }
            assertThat(breaker().getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(5);
            assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isZero();
        }
        finally {
            CARRIER.release();
            callers.shutdownNow();
        }
    }

    @Test
    void retriesEveryAttemptThroughTheBreakerAndStopsRetryingWhenItOpens() {
        CARRIER.failWith(500);

        // 3 attempts, all recorded; the breaker needs 5 calls before it judges
        assertThatThrownBy(this::book).hasMessageContaining("500");
        assertThat(CARRIER.calls()).isEqualTo(3);
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(3);

        // attempts 4 and 5 open it; the third attempt of this call is rejected and not retried
        assertThatThrownBy(this::book).isInstanceOf(CallNotPermittedException.class);
        assertThat(CARRIER.calls()).isEqualTo(5);
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void anOpenBreakerAnswersInUnderAMillisecondWithoutTouchingTheNetwork() {
        CARRIER.failWith(500);
        while (breaker().getState() != CircuitBreaker.State.OPEN) {
            assertThatThrownBy(this::book).isInstanceOf(RuntimeException.class);
        }
        int calls = CARRIER.calls();
        IntStream.range(0, 200).forEach(i -> assertThatThrownBy(this::book)
                .isInstanceOf(CallNotPermittedException.class));

        int rejections = 1000;
        long started = System.nanoTime();
        for (int i = 0; i < rejections; i++) {
            try {
                book();
            }
            catch (CallNotPermittedException expected) {
                // what an open breaker answers
            }
        }
        long averageNanos = (System.nanoTime() - started) / rejections;

        assertThat(averageNanos).isLessThan(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(CARRIER.calls()).isEqualTo(calls);
    }

    @Test
    void neverRetriesA4xx() {
        CARRIER.failWith(422);

        assertThatThrownBy(this::book).isInstanceOfSatisfying(CarrierRejectedException.class,
                rejected -> assertThat(rejected.isRefusal()).isTrue());
        assertThat(CARRIER.calls()).isEqualTo(1);
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    private String book() {
        return client.book(UUID.randomUUID(), "10115", "DE");
    }

    private CircuitBreaker breaker() {
        return breakers.circuitBreaker(CarrierClient.REMOTE);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ AopAutoConfiguration.class, JacksonAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, RestClientAutoConfiguration.class,
            CircuitBreakerAutoConfiguration.class, RetryAutoConfiguration.class, BulkheadAutoConfiguration.class })
    @Import(ClientConfiguration.class)
    static class Setup {
    }
}
