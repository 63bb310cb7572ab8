package io.microplatform.order.client;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.microplatform.order.HealthyRemotes;
import io.microplatform.order.OrderApi;
import io.microplatform.order.OrderServiceIntegrationTest;
import io.microplatform.order.StubRemoteServices;
import io.microplatform.order.StubRemoteServicesInitializer;
import io.microplatform.order.domain.Catalogue;
import io.microplatform.order.domain.OrderRequest;
import io.microplatform.order.domain.ShippingAddress;
import io.opentelemetry.sdk.trace.IdGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The breakers, time limiters, bulkheads and retries of order-service's calls, as configured in application.yml, against a real HTTP
 * server (StubRemoteServices) found through discovery and the load balancer; faults injected into that server.
 */
@OrderServiceIntegrationTest
@ExtendWith(HealthyRemotes.class)
class ResilienceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<OrderRequest.Line> LINES = List.of(new OrderRequest.Line("KEYBOARD-01", 1));

    @Autowired
    private InventoryClient inventory;

    @Autowired
    private ShippingClient shipping;

    @Autowired
    private CircuitBreakerRegistry circuitBreakers;

    @Autowired
    private BulkheadRegistry bulkheads;

    @Autowired
    private RetryRegistry retries;

    @Autowired
    private MeterRegistry meters;

    @Value("${order.clients.shipping.read-timeout}")
    private Duration readTimeout;

    @RegisterExtension
    final OrderApi api = new OrderApi();

    private final StubRemoteServices remotes = StubRemoteServicesInitializer.stub();

    @Test
    void opensAfterItsThresholdRejectsWithoutCallingHalfOpensAfterItsWaitAndClosesOnRecovery() {
        CircuitBreaker breaker = circuitBreakers.circuitBreaker("inventory");
        int minimumCalls = breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls();
        remotes.takeItemsDown();

        int requestsBefore = remotes.itemRequests();
        for (int call = 0; call < minimumCalls && breaker.getState() == CircuitBreaker.State.CLOSED; call++) {
            tryToPrice("LAPTOP-14");
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        // every attempt is a call of the breaker: it opened once it had seen its minimum number of calls
        assertThat(remotes.itemRequests() - requestsBefore).isBetween(minimumCalls, minimumCalls + 2);

        // open: every call is rejected by the breaker, none reaches inventory
        int requestsWhileOpen = remotes.itemRequests();
        long notPermittedBefore = breaker.getMetrics().getNumberOfNotPermittedCalls();
        int calls = 100;
        for (int call = 0; call < calls; call++) {
            tryToPrice("LAPTOP-14");
        }
        assertThat(remotes.itemRequests()).isEqualTo(requestsWhileOpen);
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls() - notPermittedBefore).isEqualTo(calls);

        // after wait-duration-in-open-state (2 s here) it lets probes through on its own
        remotes.recover();
        await().atMost(Duration.ofSeconds(5)).until(breaker::getState, CircuitBreaker.State.HALF_OPEN::equals);
        int probes = breaker.getCircuitBreakerConfig().getPermittedNumberOfCallsInHalfOpenState();
        int requestsBeforeProbes = remotes.itemRequests();
        for (int probe = 0; probe < probes; probe++) {
            assertThat(inventory.priceOf("LAPTOP-14")).contains(new Catalogue.Price(new BigDecimal("1299.00"), false));
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(remotes.itemRequests() - requestsBeforeProbes).isEqualTo(probes);
    }

    @Test
    void retriesTwoFailuresAndSucceedsOnTheThirdAttempt() {
        Retry retry = retries.retry("inventory");
        long retriedSuccessesBefore = retry.getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt();
        int requestsBefore = remotes.itemRequests();
        remotes.failNextItemRequests(2);

        assertThat(inventory.priceOf("MOUSE-01")).contains(new Catalogue.Price(new BigDecimal("19.90"), false));

        assertThat(remotes.itemRequests() - requestsBefore).isEqualTo(3);
        assertThat(retry.getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt() - retriedSuccessesBefore).isOne();
    }

    @Test
    void doesNotRetryA4xx() {
        int itemsBefore = remotes.itemRequests();
        int quotesBefore = remotes.quoteRequests();

        assertThat(inventory.priceOf("NOPE-01")).isEmpty();
        assertThat(shipping.quote(address("XX"), LINES)).isEmpty();

        assertThat(remotes.itemRequests() - itemsBefore).isOne();
        assertThat(remotes.quoteRequests() - quotesBefore).isOne();
        // and a 4xx is no failure of the remote
        assertThat(circuitBreakers.circuitBreaker("inventory").getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(circuitBreakers.circuitBreaker("shipping").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void stopsAfterMaxAttemptsWhenEveryAttemptFails() {
        int maxAttempts = retries.retry("inventory").getRetryConfig().getMaxAttempts();
        int requestsBefore = remotes.itemRequests();

        assertThatExceptionOfType(RemoteServiceUnavailableException.class)
                .isThrownBy(() -> inventory.priceOf(StubRemoteServices.BROKEN_SKU));

        assertThat(remotes.itemRequests() - requestsBefore).isEqualTo(maxAttempts).isEqualTo(3);
    }

    /** Retry(CircuitBreaker(TimeLimiter(Bulkhead(call)))): a rejection of the bulkhead passes the breaker, which ignores it. */
    @Test
    void aFullBulkheadIsNotAFailureOfTheRemoteAndIsNotRetried() {
        CircuitBreaker breaker = circuitBreakers.circuitBreaker("inventory");
        Bulkhead bulkhead = bulkheads.bulkhead("inventory");
        int permits = bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
        int requestsBefore = remotes.itemRequests();
        // every permit taken, as by that many calls in flight
        IntStream.range(0, permits).forEach(i -> assertThat(bulkhead.tryAcquirePermission()).isTrue());
        try {
            assertThatExceptionOfType(RemoteServiceUnavailableException.class)
                    .isThrownBy(() -> inventory.priceOf("NEVER-PRICED-01"))
                    .withCauseInstanceOf(BulkheadFullException.class);
        }
        finally {
            IntStream.range(0, permits).forEach(i -> bulkhead.onComplete());
        }

        assertThat(remotes.itemRequests()).as("requests sent, retries included").isEqualTo(requestsBefore);
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        assertThat(metrics.getNumberOfFailedCalls()).isZero();
        assertThat(metrics.getNumberOfBufferedCalls()).as("calls the breaker counted at all").isZero();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void pricesFromTheCacheWhileInventoryIsDownAndSaysSo() throws Exception {
        String customer = "resilience-" + UUID.randomUUID();
        JsonNode normal = place(customer, "KEYBOARD-01", "DE");
        assertThat(normal.path("degraded")).isEmpty();
        remotes.takeItemsDown();

        HttpResponse<String> degraded = send(OrderApi.order(customer, "KEYBOARD-01", "DE")).join();

        assertThat(degraded.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(degraded.body());
        assertThat(body.path("degraded").toString()).isEqualTo("[\"inventory-prices\"]");
        assertThat(body.path("items").get(0).path("unitPrice").decimalValue()).isEqualByComparingTo("49.90");
        assertThat(body.path("shippingCost").decimalValue()).isEqualByComparingTo("4.99");
        // stored with the order: GET says so too
        JsonNode read = JSON.readTree(api.get("/api/orders/" + body.path("orderId").asText()).body());
        assertThat(read.path("degraded").toString()).isEqualTo("[\"inventory-prices\"]");
    }

    /**
     * Shipping answers after 5 s: every placement is accepted with the flat rate, each one's quote ended by the time
     * limiter or refused by the full bulkhead; the shipping bulkhead fills up, inventory's does not, and inventory
     * keeps answering with live prices meanwhile.
     */
    @Test
    void aSlowShippingCostsTheFlatRateAndLeavesInventoryAlone() throws Exception {
        Bulkhead shippingBulkhead = bulkheads.bulkhead("shipping");
        Bulkhead inventoryBulkhead = bulkheads.bulkhead("inventory");
        int placements = shippingBulkhead.getBulkheadConfig().getMaxConcurrentCalls() + 5;
        double timeOutsBefore = timeOuts("shipping");
        // MOUSE-01's price in the cache, so that inventory answering from it would show below (degraded: true)
        inventory.priceOf("MOUSE-01");
        remotes.delayQuotes(Duration.ofSeconds(5));
        int quotesBefore = remotes.quoteRequests();
        String customer = "isolation-" + UUID.randomUUID();

        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, placements)
                .mapToObj(i -> send(OrderApi.order(customer, "MOUSE-01", "FR")))
                .toList();
        // each permit is held until its call's read timeout (2 s): the bulkhead is full from the twentieth call in
        // flight until the first one ends, which a fine poll sees however long the placements took to get there
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> shippingBulkhead.getMetrics().getAvailableConcurrentCalls() == 0);
        // meanwhile: inventory answers as usual (live prices, not the cache's), its bulkhead has room
        for (int call = 0; call < 5; call++) {
            assertThat(inventory.priceOf("MOUSE-01")).contains(new Catalogue.Price(new BigDecimal("19.90"), false));
            assertThat(inventoryBulkhead.getMetrics().getAvailableConcurrentCalls()).isPositive();
        }

        for (HttpResponse<String> answer : responses.stream().map(CompletableFuture::join).toList()) {
            assertThat(answer.statusCode()).isEqualTo(202);
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.path("shippingCost").decimalValue()).isEqualByComparingTo("9.99");
            assertThat(body.path("degraded").toString()).isEqualTo("[\"shipping-quote\"]");
        }
        // the callers left at the time limit, the calls themselves run on until the read timeout: the bulkhead stays
        // full until then, and every placement after the first twenty found it full
        assertThat(timeOuts("shipping") - timeOutsBefore).isBetween(1.0, (double) placements);
        // time-outs are not retried, and a full bulkhead or an open breaker sends nothing: at most one request per
        // bulkhead permit reached shipping
        assertThat(remotes.quoteRequests() - quotesBefore)
                .isLessThanOrEqualTo(shippingBulkhead.getBulkheadConfig().getMaxConcurrentCalls());
        assertThat(circuitBreakers.circuitBreaker("inventory").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        await().atMost(Duration.ofSeconds(10)).until(() -> shippingBulkhead.getMetrics().getAvailableConcurrentCalls()
                == shippingBulkhead.getBulkheadConfig().getMaxConcurrentCalls());
    }

    /**
     * A shipping-service that answers a byte at a time, never silent for as long as the read timeout, would hold a
     * placement for as long as it likes: the time limiter ends the wait (one time-out, the flat rate). The attempt
     * runs on a worker thread, and still carries the caller's trace.
     */
    @Test
    void theTimeLimiterEndsAnAnswerThatTricklesPastTheReadTimeout() throws Exception {
        Duration pause = Duration.ofMillis(150);
        assertThat(readTimeout).as("the socket is never silent for as long as the read timeout").isGreaterThan(pause);
        double timeOutsBefore = timeOuts("shipping");
        inventory.priceOf("MOUSE-01");
        remotes.trickleQuotes(pause);
        int quotesBefore = remotes.quoteRequests();
        String traceId = IdGenerator.random().generateTraceId();

        HttpResponse<String> response = send(OrderApi.order("trickle-" + UUID.randomUUID(), "MOUSE-01", "FR"),
                "00-" + traceId + "-00f067aa0ba902b7-01").join();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("shippingCost").decimalValue()).isEqualByComparingTo("9.99");
        assertThat(body.path("degraded").toString()).isEqualTo("[\"shipping-quote\"]");
        assertThat(timeOuts("shipping") - timeOutsBefore).isEqualTo(1.0);
        // a time-out is a failure of the remote, and not retried
        assertThat(circuitBreakers.circuitBreaker("shipping").getMetrics().getNumberOfFailedCalls()).isOne();
        assertThat(remotes.quoteRequests() - quotesBefore).isOne();
        assertThat(remotes.lastQuoteTraceparent()).as("the worker thread's call continues the order's trace")
                .startsWith("00-" + traceId + "-");
    }

    private double timeOuts(String remote) {
        return meters.get("resilience4j.timelimiter.calls").tag("name", remote).tag("kind", "timeout")
                .counter().count();
    }

    /**
     * The breakers' state reaches Prometheus; the resilience4j endpoints are not exposed by default (the local stack
     * turns them on for people to read, platform-service-defaults.yml says how).
     */
    @Test
    void exposesTheBreakersMetricsToPrometheusAndNotTheirEndpoints() throws Exception {
        inventory.priceOf("MOUSE-01");
        shipping.quote(address("DE"), LINES);

        HttpResponse<String> breakers = api.get("/actuator/circuitbreakers");
        HttpResponse<String> events = api.get("/actuator/circuitbreakerevents");
        HttpResponse<String> prometheus = api.get("/actuator/prometheus");

        assertThat(breakers.statusCode()).isEqualTo(404);
        assertThat(events.statusCode()).isEqualTo(404);
        assertThat(prometheus.body()).contains(
                "resilience4j_circuitbreaker_state{", "name=\"inventory\"", "name=\"shipping\"",
                "resilience4j_bulkhead_available_concurrent_calls{", "resilience4j_retry_calls_total{",
                "resilience4j_timelimiter_calls_total{");
    }

    private void tryToPrice(String sku) {
        try {
            inventory.priceOf(sku);
        }
        catch (RemoteServiceUnavailableException expected) {
            // down, and not in the cache
        }
    }

    private JsonNode place(String customer, String sku, String country) throws Exception {
        HttpResponse<String> response = send(OrderApi.order(customer, sku, country)).join();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }

    private CompletableFuture<HttpResponse<String>> send(String body) {
        return api.sendAsync(api.placement(body));
    }

    /** As a caller with tracing sends it: the order's spans continue the caller's trace. */
    private CompletableFuture<HttpResponse<String>> send(String body, String traceparent) {
        return api.sendAsync(api.placement(body).header("traceparent", traceparent));
    }

    private static ShippingAddress address(String country) {
        return new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", country);
    }
}
