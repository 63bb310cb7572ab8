package io.microplatform.support.client;

import java.util.Objects;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;

import org.springframework.boot.autoconfigure.web.client.RestClientBuilderConfigurer;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.web.client.RestClient;

/**
 * Connects a service to its third parties (ThirdPartiesAutoConfiguration makes one): a plain, not load-balanced,
 * RestClient per third party, and the resilience4j instances of the Boot starter's registries, by the third party's
 * name, so they have application.yml's configuration and their metrics under that name.
 */
public final class ThirdParties {

    private final RestClientBuilderConfigurer configurer;
    private final CircuitBreakerRegistry circuitBreakers;
    private final BulkheadRegistry bulkheads;
    private final RetryRegistry retries;

    public ThirdParties(RestClientBuilderConfigurer configurer, CircuitBreakerRegistry circuitBreakers,
            BulkheadRegistry bulkheads, RetryRegistry retries) {
        this.configurer = configurer;
        this.circuitBreakers = circuitBreakers;
        this.bulkheads = bulkheads;
        this.retries = retries;
    }

    /**
     * @param remote the name of the third party's circuit breaker, bulkhead and retry, e.g. {@code payment-provider}
     * @param rejection the service's exception for the third party's 4xx answers
     */
    public ThirdPartyClient connect(String remote, ThirdPartySettings settings, ThirdPartyClient.Rejection rejection) {
        return new ThirdPartyClient(restClient(remote, settings), rejection, new ThirdPartyClient.Instances(
                circuitBreakers.circuitBreaker(remote), bulkheads.bulkhead(remote), retries.retry(remote)));
    }

    /**
     * Boot's configurer adds the observation (http.client.requests metrics, trace propagation). The JDK HttpClient does
     * not re-send a POST on its own, so every attempt is one the Retry made and counted.
     */
    private RestClient restClient(String remote, ThirdPartySettings settings) {
        return configurer.configure(RestClient.builder())
                .baseUrl(Objects.requireNonNull(settings.baseUrl(), () -> "the base-url of " + remote).toString())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(ClientHttpRequestFactorySettings.defaults()
                        .withTimeouts(settings.connectTimeout(), settings.readTimeout())))
                .build();
    }
}
