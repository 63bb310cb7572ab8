package io.microplatform.order.client;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.util.Timeout;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.web.client.RestClientBuilderConfigurer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientProperties.class)
class ClientConfiguration {

    private static final int MAX_CONNECTIONS = 100;

    /**
     * Boot's own builder (it backs off when any RestClient.Builder bean exists), kept as the primary one because
     * the Eureka client takes the application's RestClient.Builder for its calls to the registry: given only the
     * load-balanced one, it would try to resolve the registry's host as a service id and never register
     * (spring-cloud-netflix#4380, #4591).
     */
    @Bean
    @Primary
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    RestClient.Builder restClientBuilder(RestClientBuilderConfigurer configurer) {
        return configurer.configure(RestClient.builder());
    }

    /** Spring Cloud adds its load balancer to builders marked @LoadBalanced: http://<service id> works through it. */
    @Bean
    @LoadBalanced
    RestClient.Builder loadBalancedRestClientBuilder(RestClientBuilderConfigurer configurer) {
        return configurer.configure(RestClient.builder());
    }

    @Bean
    InventoryClient inventoryClient(@LoadBalanced RestClient.Builder loadBalanced, ClientProperties properties,
            ResilientCalls.Factory resilience) {
        return new InventoryClient(resilience.forRemote(InventoryClient.REMOTE,
                restClient(loadBalanced, properties.inventory(), InventoryClient.SERVICE)), properties.priceCache());
    }

    @Bean
    ShippingClient shippingClient(@LoadBalanced RestClient.Builder loadBalanced, ClientProperties properties,
            ResilientCalls.Factory resilience) {
        return new ShippingClient(resilience.forRemote(ShippingClient.REMOTE,
                restClient(loadBalanced, properties.shipping(), ShippingClient.SERVICE)),
                properties.shippingFlatRate());
    }

    /** The registries are resilience4j's Boot starter's: configured by resilience4j.* and bound to Micrometer. */
    @Bean
    ResilientCalls.Factory resilientCalls(CircuitBreakerRegistry circuitBreakers, TimeLimiterRegistry timeLimiters,
            BulkheadRegistry bulkheads, RetryRegistry retries, @Qualifier("remoteCallWorkers") ExecutorService workers) {
        return new ResilientCalls.Factory(circuitBreakers, timeLimiters, bulkheads, retries, workers);
    }

    /**
     * The threads the remote calls run on, so the time limiter can stop waiting for one (ResilientCalls). Each task
     * carries the caller's context (Micrometer context-propagation): the current observation, so the HTTP client's
     * span is a child of the request's and the trace stays one. Unbounded on purpose: a thread per attempt in flight,
     * and the bulkheads, which take their permit before a task is submitted, bound those.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService remoteCallWorkers() {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "remote-call-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return ContextExecutorService.wrap(workers, ContextSnapshotFactory.builder().build());
    }

    static RestClient restClient(RestClient.Builder loadBalanced, ClientProperties.Remote remote,
            String service) {
        return loadBalanced.clone()
                .baseUrl(Objects.requireNonNull(remote.baseUrl(), "order.clients.*.base-url of " + service).toString())
                .requestFactory(requestFactory(remote))
                // first, so that it wraps the load balancer's interceptor
                .requestInterceptors(interceptors -> interceptors.add(0, new NoInstanceAsIoFailure()))
                .build();
    }

    /** Apache HttpClient 5 (on the classpath with the Eureka client) with the remote's timeouts and nothing hidden. */
    static ClientHttpRequestFactory requestFactory(ClientProperties.Remote remote) {
        return ClientHttpRequestFactoryBuilder.httpComponents()
                // by default it re-sends a request answered 503, even a POST, after a second: retries belong around
                // the call where they are visible and bounded (resilience4j), not inside the HTTP client
                .withHttpClientCustomizer(HttpClientBuilder::disableAutomaticRetries)
                // by default it opens 5 connections per instance and queues further calls for up to 3 minutes: a
                // limit nobody would look for here; concurrency limits belong with the caller (a bulkhead)
                .withConnectionManagerCustomizer(pool -> pool.setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setMaxConnTotal(MAX_CONNECTIONS))
                .withDefaultRequestConfigCustomizer(config -> config
                        .setConnectionRequestTimeout(Timeout.of(remote.connectTimeout())))
                .build(ClientHttpRequestFactorySettings.defaults()
                        .withTimeouts(remote.connectTimeout(), remote.readTimeout()));
    }
}
