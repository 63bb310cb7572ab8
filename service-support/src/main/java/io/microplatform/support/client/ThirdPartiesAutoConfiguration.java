package io.microplatform.support.client;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.decorators.Decorators;
import io.github.resilience4j.retry.RetryRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.web.client.RestClientBuilderConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * {@link ThirdParties} in every service that has RestClient and resilience4j's Decorators (resilience4j-all), from
 * the resilience4j Boot starter's registries and Boot's RestClient configurer.
 */
@AutoConfiguration
@ConditionalOnClass({ RestClient.class, Decorators.class, RestClientBuilderConfigurer.class })
public class ThirdPartiesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ThirdParties thirdParties(RestClientBuilderConfigurer configurer, CircuitBreakerRegistry circuitBreakers,
            BulkheadRegistry bulkheads, RetryRegistry retries) {
        return new ThirdParties(configurer, circuitBreakers, bulkheads, retries);
    }
}
