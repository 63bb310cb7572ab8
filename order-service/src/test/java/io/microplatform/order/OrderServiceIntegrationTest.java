package io.microplatform.order;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.microplatform.testsupport.EmbeddedInfrastructure;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a random port against real PostgreSQL (Flyway applied), Kafka and {@link StubRemoteServices}.
 * One annotation for every such test class, so they share one application context (and one Kafka consumer group
 * member) instead of starting one each.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// production's resilience settings (application.yml), but a breaker probes again after 2 s, not 10 s: the breaker test
// waits for it. No orchestrator runs here, so every order stays PENDING: the reconciler leaves orders younger than an
// hour alone (the tests' own orders), and OrderReconcilerIT makes its orders older by moving their timestamps back
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=2s",
        "order.reconciliation.interval=500ms",
        "order.reconciliation.reannounce-after=1h",
        "order.reconciliation.stalled-after=2h" })
// with metrics export on (Boot's tests turn it off), so the shared Prometheus settings are part of the test
@AutoConfigureObservability
@EmbeddedInfrastructure
@ContextConfiguration(initializers = StubRemoteServicesInitializer.class)
// the exported spans, kept in memory (FallbackSpanEventsIT reads them). Imported here rather than by the one test
// class that reads them: the imports are part of the context's cache key, so an @Import on a single class would start
// a second application context (database, Kafka consumer and all) for it alone; here every class shares the one
@Import(SpanCaptureConfiguration.class)
public @interface OrderServiceIntegrationTest {
}
