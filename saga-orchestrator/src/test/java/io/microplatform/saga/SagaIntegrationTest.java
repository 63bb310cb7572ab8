package io.microplatform.saga;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.microplatform.testsupport.EmbeddedInfrastructure;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole orchestrator against real PostgreSQL and Kafka, with deadlines short enough to watch re-sends and
 * give-ups in seconds. Every full-context test uses exactly this, so Spring's context cache holds one orchestrator
 * per test JVM: a second cached context with other settings would join the same consumer group and take part of
 * the replies.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// with metrics export on (Boot's tests turn it off), so the shared Prometheus settings are part of the test
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        // 3 s, then 6 s more: a silent step is given up 9 s after its first send
        "saga.step-timeout=3s",
        "saga.backoff-multiplier=2",
        "saga.max-attempts=2",
        "saga.max-compensation-attempts=2",
        "saga.sweep-interval=200ms",
        "saga.gauge-refresh-interval=500ms",
        "saga.lease.ttl=3s",
        "saga.lease.renew-interval=500ms" })
@AutoConfigureObservability
@EmbeddedInfrastructure
public @interface SagaIntegrationTest {
}
