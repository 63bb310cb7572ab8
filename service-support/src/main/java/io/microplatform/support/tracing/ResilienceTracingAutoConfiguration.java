package io.microplatform.support.tracing;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts resilience4j's decisions on the trace of the call they were made for (docs/tracing.md): breaker state
 * transitions and calls not permitted, retry attempts, bulkhead rejections, time-outs, as events on the current span. One
 * configuration per pattern, since a service may have some of resilience4j's modules and not others; the registries
 * and the tracer are looked up once every singleton exists, so the order of auto-configurations does not matter.
 */
@AutoConfiguration
@ConditionalOnClass(Tracer.class)
public class ResilienceTracingAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(CircuitBreakerRegistry.class)
    static class CircuitBreakers {

        @Bean
        SmartInitializingSingleton circuitBreakerSpanEvents(ObjectProvider<Tracer> tracer,
                ObjectProvider<CircuitBreakerRegistry> registries) {
            return () -> registries.orderedStream().forEach(registry -> ResilienceSpanEvents.of(tracer).observe(registry));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RetryRegistry.class)
    static class Retries {

        @Bean
        SmartInitializingSingleton retrySpanEvents(ObjectProvider<Tracer> tracer, ObjectProvider<RetryRegistry> registries) {
            return () -> registries.orderedStream().forEach(registry -> ResilienceSpanEvents.of(tracer).observe(registry));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(BulkheadRegistry.class)
    static class Bulkheads {

        @Bean
        SmartInitializingSingleton bulkheadSpanEvents(ObjectProvider<Tracer> tracer,
                ObjectProvider<BulkheadRegistry> registries) {
            return () -> registries.orderedStream().forEach(registry -> ResilienceSpanEvents.of(tracer).observe(registry));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TimeLimiterRegistry.class)
    static class TimeLimiters {

        @Bean
        SmartInitializingSingleton timeLimiterSpanEvents(ObjectProvider<Tracer> tracer,
                ObjectProvider<TimeLimiterRegistry> registries) {
            return () -> registries.orderedStream().forEach(registry -> ResilienceSpanEvents.of(tracer).observe(registry));
        }
    }
}
