package io.microplatform.testsupport;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Every circuit breaker of the test's application context closed at each test's start and end: the context is cached
 * and shared by the test classes of the JVM, so a breaker one test opened would reject the calls of the next. A test
 * class that opens breakers is annotated {@code @ExtendWith(ClosedBreakers.class)}; a service whose tests also break
 * what the breakers guard extends it to repair that too.
 */
public class ClosedBreakers implements BeforeEachCallback, AfterEachCallback {

    @Override
    public final void beforeEach(ExtensionContext test) {
        reset(test);
    }

    @Override
    public final void afterEach(ExtensionContext test) {
        reset(test);
    }

    /** Resets every breaker of the test's application context: closed, with empty metrics. */
    protected void reset(ExtensionContext test) {
        SpringExtension.getApplicationContext(test).getBean(CircuitBreakerRegistry.class).getAllCircuitBreakers()
                .forEach(ClosedBreakers::close);
    }

    // reset() alone keeps an open breaker's scheduled move to half-open, which then fires in a later test and clears
    // its metrics; a transition cancels it
    private static void close(CircuitBreaker breaker) {
        if (breaker.getState() != CircuitBreaker.State.CLOSED) {
            breaker.transitionToClosedState();
        }
        breaker.reset();
    }
}
