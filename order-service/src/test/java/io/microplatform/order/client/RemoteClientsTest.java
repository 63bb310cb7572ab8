package io.microplatform.order.client;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.microplatform.order.StubRemoteServices;
import io.microplatform.order.domain.Catalogue;
import io.microplatform.order.domain.ShippingRates;
import io.microplatform.order.domain.OrderRequest;
import io.microplatform.order.domain.ShippingAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The clients against a real HTTP server: what each answer of inventory and shipping means to an order. */
class RemoteClientsTest {

    // the slow stub holds its answer until released, so this only has to outlast a busy machine's honest answers
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool();
    private static final StubRemoteServices remotes = StubRemoteServices.start();
    private static final List<OrderRequest.Line> LINES = List.of(new OrderRequest.Line("KEYBOARD-01", 2));

    private static final BigDecimal FLAT_RATE = new BigDecimal("9.99");

    private final InventoryClient inventory = new InventoryClient(singleAttempt("inventory", remotes.baseUrl()),
            new ClientProperties.PriceCache(Duration.ofMinutes(10), 100));
    private final ShippingClient shipping = new ShippingClient(singleAttempt("shipping", remotes.baseUrl()), FLAT_RATE);

    @AfterAll
    static void stop() {
        remotes.close();
    }

    @Test
    void readsThePriceOfAKnownSku() {
        assertThat(inventory.priceOf("KEYBOARD-01")).contains(new Catalogue.Price(new BigDecimal("49.90"), false));
    }

    @Test
    void readsA404AsAnUnknownSku() {
        assertThat(inventory.priceOf("NOPE-01")).isEmpty();
    }

    @Test
    void readsAServerErrorAsUnavailable() {
        assertThatExceptionOfType(RemoteServiceUnavailableException.class)
                .isThrownBy(() -> inventory.priceOf(StubRemoteServices.BROKEN_SKU))
                .satisfies(e -> assertThat(e.service()).isEqualTo("inventory-service"));
    }

    @Test
    void leavesRetriesToTheCaller() {
        int before = remotes.itemRequests();

        // Apache HttpClient would re-send a request answered 503 with Retry-After on its own
        assertThatExceptionOfType(RemoteServiceUnavailableException.class)
                .isThrownBy(() -> inventory.priceOf(StubRemoteServices.OVERLOADED_SKU));

        assertThat(remotes.itemRequests() - before).isOne();
    }

    @Test
    void givesUpOnASlowAnswerAfterTheReadTimeout() {
        try {
            assertThatExceptionOfType(RemoteServiceUnavailableException.class)
                    .isThrownBy(() -> inventory.priceOf(StubRemoteServices.SLOW_SKU));
        }
        finally {
            remotes.releaseSlowAnswers();
        }
    }

    @Test
    void chargesTheFlatRateWhenShippingRefusesConnections() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ShippingClient nobodyThere = new ShippingClient(singleAttempt("shipping", "http://127.0.0.1:" + closedPort),
                FLAT_RATE);

        assertThat(nobodyThere.quote(address("DE"), LINES)).contains(new ShippingRates.Quote(FLAT_RATE, true));
    }

    @Test
    void readsTheQuoteForADestination() {
        assertThat(shipping.quote(address("DE"), LINES)).contains(new ShippingRates.Quote(new BigDecimal("4.99"), false));
        assertThat(shipping.quote(address("JP"), LINES)).contains(new ShippingRates.Quote(new BigDecimal("14.99"), false));
    }

    @Test
    void readsA422AsAnUnsupportedCountry() {
        assertThat(shipping.quote(address("XX"), LINES)).isEmpty();
    }

    private static ShippingAddress address(String country) {
        return new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", country);
    }

    /**
     * A breaker and bulkhead with resilience4j's defaults, a time limit well above the read timeout, one attempt:
     * what each answer means, not how often.
     */
    private static ResilientCalls singleAttempt(String remote, String baseUrl) {
        return new ResilientCalls(remote, restClient(baseUrl), CircuitBreakerRegistry.ofDefaults(),
                TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(5)).build()),
                BulkheadRegistry.ofDefaults(), RetryRegistry.of(RetryConfig.custom().maxAttempts(1).build()), WORKERS);
    }

    /** As ClientConfiguration builds them, without the load balancer. */
    private static RestClient restClient(String baseUrl) {
        return RestClient.builder()
                .baseUrl(baseUrl)
                .requestFactory(ClientConfiguration.requestFactory(
                        new ClientProperties.Remote(URI.create(baseUrl), Duration.ofSeconds(1), READ_TIMEOUT)))
                .build();
    }
}
