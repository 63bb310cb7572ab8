package io.microplatform.support.client;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.decorators.Decorators;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.web.client.RestClientBuilderConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * {@link ThirdParties} in every service that has RestClient and resilience4j's Decorators (resilience4j-all), from
 * the resilience4j Boot starter's registries and Boot's RestClient configurer: after their auto-configurations, and
 * only where they made them.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration",
        "io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
        "io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration",
        "io.github.resilience4j.springboot3.bulkhead.autoconfigure.BulkheadAutoConfiguration",
        "io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration" })
@ConditionalOnClass({ RestClient.class, Decorators.class, RestClientBuilderConfigurer.class })
public class ThirdPartiesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({ RestClientBuilderConfigurer.class, CircuitBreakerRegistry.class, TimeLimiterRegistry.class,
            BulkheadRegistry.class, RetryRegistry.class })
    ThirdParties thirdParties(RestClientBuilderConfigurer configurer, CircuitBreakerRegistry circuitBreakers,
            TimeLimiterRegistry timeLimiters, BulkheadRegistry bulkheads, RetryRegistry retries) {
        return new ThirdParties(configurer, circuitBreakers, timeLimiters, bulkheads, retries);
    }
}
