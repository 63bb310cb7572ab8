package io.microplatform.support.tracing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ResilienceTracingAutoConfigurationTest {

    private final Span span = mock(Span.class, RETURNS_SELF);
    private final Tracer tracer = mock(Tracer.class);

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceTracingAutoConfiguration.class))
            .withBean(Tracer.class, () -> tracer)
            .withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults)
            .withBean(RetryRegistry.class, () -> RetryRegistry.of(RetryConfig.custom().maxAttempts(3)
                    .waitDuration(Duration.ofMillis(1)).build()))
            .withBean(BulkheadRegistry.class, () -> BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(1)
                    .maxWaitDuration(Duration.ZERO).build()))
            .withBean(TimeLimiterRegistry.class, () -> TimeLimiterRegistry.of(TimeLimiterConfig.custom()
                    .timeoutDuration(Duration.ofMillis(50)).build()));

    @Test
    void recordsBreakerTransitionsAndRejectionsOfInstancesCreatedAfterStartUp() {
        when(tracer.currentSpan()).thenReturn(span);
        context.run(app -> {
            CircuitBreaker inventory = app.getBean(CircuitBreakerRegistry.class).circuitBreaker("inventory");

            inventory.transitionToOpenState();
            assertThatThrownBy(() -> inventory.executeSupplier(() -> "stock")).isInstanceOf(CallNotPermittedException.class);

            verify(span).event("circuit breaker inventory CLOSED -> OPEN");
            verify(span).event("circuit breaker inventory did not permit the call (OPEN)");
            verify(span, org.mockito.Mockito.atLeastOnce()).tag("resilience4j.circuitbreaker.inventory.state", "OPEN");
        });
    }

    @Test
    void recordsEveryRetryAttemptAndTheGivingUp() {
        when(tracer.currentSpan()).thenReturn(span);
        context.run(app -> {
            Retry shipping = app.getBean(RetryRegistry.class).retry("shipping");

            assertThatThrownBy(() -> shipping.executeSupplier(() -> {
                throw new IllegalStateException("connection refused");
            })).isInstanceOf(IllegalStateException.class);

            verify(span).event("retry shipping attempt 2 after IllegalStateException");
            verify(span).event("retry shipping attempt 3 after IllegalStateException");
            verify(span).event(startsWith("retry shipping gave up after 3 attempts"));
        });
    }

    @Test
    void recordsBulkheadRejections() {
        when(tracer.currentSpan()).thenReturn(span);
        context.run(app -> {
            Bulkhead carrier = app.getBean(BulkheadRegistry.class).bulkhead("carrier");
            carrier.acquirePermission();

            assertThatThrownBy(() -> carrier.executeSupplier(() -> "quote")).isInstanceOf(BulkheadFullException.class);

            verify(span).event("bulkhead carrier full, call rejected");
        });
    }

    @Test
    void recordsTimeOutsOnTheSpanOfTheCallerThatStoppedWaiting() {
        when(tracer.currentSpan()).thenReturn(span);
        context.run(app -> {
            TimeLimiter inventory = app.getBean(TimeLimiterRegistry.class).timeLimiter("inventory");
            CompletableFuture<String> neverAnswered = new CompletableFuture<>();

            assertThatThrownBy(() -> inventory.executeFutureSupplier(() -> neverAnswered))
                    .isInstanceOf(TimeoutException.class);

            verify(span).event("time limiter inventory stopped waiting after 50 ms");
            verify(span).tag("resilience4j.timelimiter.inventory.timed-out", "true");
        });
    }

    @Test
    void leavesDecisionsMadeOutsideAnySpanAlone() {
        context.run(app -> {
            CircuitBreaker payment = app.getBean(CircuitBreakerRegistry.class).circuitBreaker("payment-provider");

            payment.transitionToOpenState();

            org.mockito.Mockito.verifyNoInteractions(span);
        });
    }
}
