package io.microplatform.order;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Every test starts and ends with {@link StubRemoteServices} answering and every breaker closed, whatever the test
 * before took down or opened: the stub and the application context are shared by all test classes of the JVM. A test
 * class that breaks the remotes registers it with
 * <pre>
 * &#64;RegisterExtension
 * final HealthyRemotes healthyRemotes = new HealthyRemotes();
 * </pre>
 */
public final class HealthyRemotes implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext test) {
        recover(test);
    }

    @Override
    public void afterEach(ExtensionContext test) {
        recover(test);
    }

    private static void recover(ExtensionContext test) {
        StubRemoteServicesInitializer.stub().recover();
        SpringExtension.getApplicationContext(test).getBean(CircuitBreakerRegistry.class).getAllCircuitBreakers()
                .forEach(CircuitBreaker::reset);
    }
}
