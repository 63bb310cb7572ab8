package io.microplatform.order.client;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.microplatform.order.OrderServiceIntegrationTest;
import io.microplatform.order.StubRemoteServices;
import io.microplatform.order.StubRemoteServicesInitializer;
import io.microplatform.order.domain.Catalogue;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The clients as the application wires them: by service id, through discovery and the load balancer. */
@OrderServiceIntegrationTest
class LoadBalancedClientsIT {

    @Autowired
    private InventoryClient inventory;

    @Autowired
    @Qualifier("remoteCallWorkers")
    private ExecutorService workers;

    @Autowired
    @LoadBalanced
    private RestClient.Builder loadBalanced;

    @Autowired
    private TimeLimiterRegistry timeLimiters;

    @Autowired
    private BulkheadRegistry bulkheads;

    @Autowired
    private RetryRegistry retries;

    @Test
    void findsInventoryByItsServiceId() {
        assertThat(inventory.priceOf("MONITOR-27")).contains(new Catalogue.Price(new BigDecimal("299.00"), false));
    }

    @Test
    void answersUnavailableWhenDiscoveryKnowsNoInstance() {
        InventoryClient nowhere = inventoryAt("no-such-service", http -> new ResilientCalls("nowhere", http,
                CircuitBreakerRegistry.ofDefaults(), TimeLimiterRegistry.ofDefaults(), BulkheadRegistry.ofDefaults(),
                RetryRegistry.ofDefaults(), workers));

        assertThatExceptionOfType(RemoteServiceUnavailableException.class)
                .isThrownBy(() -> nowhere.priceOf("MONITOR-27"))
                // an I/O failure like a refused connection (NoInstanceAsIoFailure), with the plain interceptor's
                // message: Spring Cloud's load-balancer retry is off (application.yml)
                .withCauseInstanceOf(ResourceAccessException.class)
                .withMessageContaining("No instances available for no-such-service");
    }

    /**
     * One of inventory's two instances is dead and discovery still lists it, as for the ~20 s until Eureka evicts
     * it: the skus it owns on the hash ring fail their first attempt and are priced live by the next instance on the
     * ring, not from the cache. The retry is application.yml's; the breaker has resilience4j's defaults (it judges
     * after 100 calls), so that the test does not depend on which skus the dead instance happens to own.
     */
    @Test
    void pricesLiveWhileOneOfTwoInstancesIsDeadBecauseTheRetryMovesAlongTheRing() {
        String remote = StubRemoteServicesInitializer.WITH_A_DEAD_INSTANCE;
        InventoryClient halfDead = inventoryAt(remote, http -> new ResilientCalls(remote, http,
                CircuitBreakerRegistry.ofDefaults(), timeLimiters, bulkheads, retries, workers));
        Retry.Metrics retried = retries.retry(remote).getMetrics();
        List<String> skus = IntStream.range(0, 40).mapToObj(i -> StubRemoteServices.ONE_EURO_PREFIX + "RING-" + i)
                .toList();

        assertThat(skus).allSatisfy(sku -> assertThat(halfDead.priceOf(sku))
                .contains(new Catalogue.Price(new BigDecimal("1.00"), false)));

        // the dead instance owned some of them: each failed once, and its second attempt found the live instance
        assertThat(retried.getNumberOfSuccessfulCallsWithRetryAttempt()).isPositive();
        assertThat(retried.getNumberOfSuccessfulCallsWithoutRetryAttempt()).isPositive();
        assertThat(retried.getNumberOfFailedCallsWithRetryAttempt()).isZero();
    }

    private InventoryClient inventoryAt(String serviceId, Function<RestClient, ResilientCalls> resilience) {
        RestClient http = ClientConfiguration.restClient(loadBalanced, new ClientProperties.Remote(
                URI.create("http://" + serviceId), Duration.ofSeconds(1), Duration.ofSeconds(2)), serviceId);
        return new InventoryClient(resilience.apply(http),
                new ClientProperties.PriceCache(Duration.ofMinutes(1), 100));
    }
}
