package io.microplatform.order.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.microplatform.order.domain.OrderRequest;
import io.microplatform.order.domain.ShippingAddress;
import io.microplatform.order.domain.ShippingRates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Shipping costs from shipping-service: {@code POST /api/shipping/quotes}, through the {@code shipping} breaker,
 * bulkhead and retry ({@link ResilientCalls}). The POST is retried like a GET: a quote is a pure computation from the
 * request and the stored rates, it changes nothing, so sending it twice is harmless (idempotent). While
 * shipping-service is down the order costs the documented flat rate ({@code order.clients.shipping-flat-rate}) and
 * says {@code shipping-quote} is degraded.
 */
class ShippingClient implements ShippingRates {

    static final String SERVICE = "shipping-service";
    static final String REMOTE = "shipping";

    private static final Logger log = LoggerFactory.getLogger(ShippingClient.class);

    private final ResilientCalls shipping;
    private final BigDecimal flatRate;

    ShippingClient(ResilientCalls shipping, BigDecimal flatRate) {
        this.shipping = shipping;
        this.flatRate = flatRate;
    }

    /** A 422 is an answer (no shipping to that country), everything else not a 200 an exception. */
    @Override
    public Optional<Quote> quote(ShippingAddress to, List<OrderRequest.Line> lines) {
        QuoteRequest request = new QuoteRequest(to.country(), to.postalCode(),
                lines.stream().map(line -> new QuoteRequest.Item(line.sku(), line.quantity())).toList());
        return shipping.lookup("quote " + request, http -> fetch(http, request), HttpStatus.UNPROCESSABLE_ENTITY,
                down -> flatRate(to, down));
    }

    private static Quote fetch(RestClient http, QuoteRequest request) {
        QuoteResponse quote = http.post()
                .uri("/api/shipping/quotes")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(QuoteResponse.class);
        return new Quote(quote.cost(), false);
    }

    private Optional<Quote> flatRate(ShippingAddress to, RuntimeException down) {
        log.warn("Charging the flat rate {} for shipping to {}: {} is unavailable ({})", flatRate, to.country(),
                SERVICE, down.toString());
        FallbackEvents.record(REMOTE, "flat-rate-quote", down);
        return Optional.of(new Quote(flatRate, true));
    }

    record QuoteRequest(String country, String postalCode, List<Item> items) {

        record Item(String sku, int quantity) {
        }
    }

    record QuoteResponse(String country, BigDecimal cost) {
    }
}
