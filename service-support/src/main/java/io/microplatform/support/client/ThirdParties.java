package io.microplatform.support.client;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;

import org.springframework.boot.autoconfigure.web.client.RestClientBuilderConfigurer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.client.RestClient;

/**
 * Connects a service to its third parties (ThirdPartiesAutoConfiguration makes one): a plain, not load-balanced,
 * RestClient per third party, and the resilience4j instances of the Boot starter's registries, by the third party's
 * name, so they have application.yml's configuration and their metrics under that name.
 */
public final class ThirdParties implements AutoCloseable {

    private final RestClientBuilderConfigurer configurer;
    private final CircuitBreakerRegistry circuitBreakers;
    private final TimeLimiterRegistry timeLimiters;
    private final BulkheadRegistry bulkheads;
    private final RetryRegistry retries;
    private final ExecutorService workers = workers();

    public ThirdParties(RestClientBuilderConfigurer configurer, CircuitBreakerRegistry circuitBreakers,
            TimeLimiterRegistry timeLimiters, BulkheadRegistry bulkheads, RetryRegistry retries) {
        this.configurer = configurer;
        this.circuitBreakers = circuitBreakers;
        this.timeLimiters = timeLimiters;
        this.bulkheads = bulkheads;
        this.retries = retries;
    }

    /**
     * @param remote the name of the third party's circuit breaker, bulkhead and retry, e.g. {@code payment-provider}
     * @param rejection the service's exception for the third party's 4xx answers
     */
    public ThirdPartyClient connect(String remote, ThirdPartySettings settings, ThirdPartyClient.Rejection rejection) {
        return new ThirdPartyClient(restClient(remote, settings), rejection, new ThirdPartyClient.Instances(
                circuitBreakers.circuitBreaker(remote), timeLimiters.timeLimiter(remote), bulkheads.bulkhead(remote),
                retries.retry(remote)), workers);
    }

    /**
     * The settings' URL; without one the service refuses to start. The property is named after the settings'
     * {@code @ConfigurationProperties} prefix.
     */
    private static String baseUrl(String remote, ThirdPartySettings settings) {
        if (settings.baseUrl() == null || settings.baseUrl().toString().isBlank()) {
            ConfigurationProperties properties = AnnotatedElementUtils.findMergedAnnotation(settings.getClass(),
                    ConfigurationProperties.class);
            throw new ThirdPartyNotConfiguredException(remote,
                    (properties == null ? remote : properties.prefix()) + ".base-url");
        }
        return settings.baseUrl().toString();
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /**
     * The threads the attempts run on, so the time limiter can stop waiting for one. Each task carries the caller's
     * context (Micrometer context-propagation): the HTTP client's span is a child of the listener's and the trace
     * stays one. Unbounded on purpose: each third party's bulkhead takes its permit before a task is submitted.
     */
    private static ExecutorService workers() {
        AtomicInteger threads = new AtomicInteger();
        return ContextExecutorService.wrap(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "third-party-call-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }), ContextSnapshotFactory.builder().build());
    }

    /**
     * Boot's configurer adds the observation (http.client.requests metrics, trace propagation). The JDK HttpClient does
     * not re-send a POST on its own, so every attempt is one the Retry made and counted.
     */
    private RestClient restClient(String remote, ThirdPartySettings settings) {
        return configurer.configure(RestClient.builder())
                .baseUrl(baseUrl(remote, settings))
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(ClientHttpRequestFactorySettings.defaults()
                        .withTimeouts(settings.connectTimeout(), settings.readTimeout())))
                .build();
    }
}
