package io.microplatform.support.tracing;

import io.github.resilience4j.core.Registry;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Puts resilience4j's decisions on the trace of the call they were made for (docs/tracing.md): breaker state
 * transitions and calls not permitted, retry attempts, bulkhead rejections, time-outs, as events on the current span.
 * One bean for every registry, whichever of resilience4j's modules the service has ({@link ResilienceSpanEvents} knows
 * which); the registries and the tracer are looked up once every singleton exists, so the order of auto-configurations
 * does not matter.
 */
@AutoConfiguration
@ConditionalOnClass({ Tracer.class, Registry.class })
public class ResilienceTracingAutoConfiguration {

    @Bean
    SmartInitializingSingleton resilienceSpanEvents(ObjectProvider<Tracer> tracer,
            ObjectProvider<Registry<?, ?>> registries) {
        return () -> registries.orderedStream().forEach(registry -> ResilienceSpanEvents.of(tracer).observe(registry));
    }
}
