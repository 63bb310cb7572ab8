package io.microplatform.order.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.microplatform.order.OrderServiceIntegrationTest;
import io.microplatform.order.domain.Catalogue;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
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

    @Test
    void findsInventoryByItsServiceId() {
        assertThat(inventory.priceOf("MONITOR-27")).contains(new Catalogue.Price(new BigDecimal("299.00"), false));
    }

    @Test
    void answersUnavailableWhenDiscoveryKnowsNoInstance() {
        InventoryClient nowhere = new InventoryClient(loadBalanced.clone().baseUrl("http://no-such-service").build(),
                new ResilientCalls("nowhere", CircuitBreakerRegistry.ofDefaults(), TimeLimiterRegistry.ofDefaults(),
                        BulkheadRegistry.ofDefaults(), RetryRegistry.ofDefaults(), workers),
                new PriceCache(new ClientProperties.PriceCache(Duration.ofMinutes(1), 10)));

        assertThatExceptionOfType(RemoteServiceUnavailableException.class)
                .isThrownBy(() -> nowhere.priceOf("MONITOR-27"))
                // the plain interceptor's message: Spring Cloud's load-balancer retry is off (application.yml)
                .withMessageContaining("No instances available for no-such-service");
    }
}
