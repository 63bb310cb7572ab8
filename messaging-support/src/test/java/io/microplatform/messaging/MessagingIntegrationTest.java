package io.microplatform.messaging;

import io.microplatform.testsupport.EmbeddedInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/** One configuration for every integration test, so they all share one cached application context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = MessagingTestApplication.class)
@EmbeddedInfrastructure
// a real Tracer, to see the traceparent travel from the sender through the outbox to the listener
@AutoConfigureObservability(tracing = true, metrics = false)
@interface MessagingIntegrationTest {
}
