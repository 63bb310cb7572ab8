package io.microplatform.order.client;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.microplatform.order.domain.Catalogue;
import io.microplatform.support.loadbalancing.RoutingAttempt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Prices from inventory-service: {@code GET /api/inventory/items/{sku}}, through the {@code inventory} breaker,
 * bulkhead and retry ({@link ResilientCalls}), each sku to the instance that owns it on the hash ring and a retry to
 * the next one (service-support's consistent-hash load balancing). While inventory-service is down, a price read
 * within the cache's maximum age stands in (the order says {@code inventory-prices} is degraded); without one the
 * order cannot be priced: 503.
 */
class InventoryClient implements Catalogue {

    static final String SERVICE = "inventory-service";
    static final String REMOTE = "inventory";

    private static final Logger log = LoggerFactory.getLogger(InventoryClient.class);

    private final RestClient http;
    private final ResilientCalls resilience;
    private final PriceCache cache;

    InventoryClient(RestClient http, ResilientCalls resilience, PriceCache cache) {
        this.http = http;
        this.resilience = resilience;
        this.cache = cache;
    }

    @Override
    public Optional<Price> priceOf(String sku) {
        // numbered, so that a retry goes to the next instance on the hash ring, not to a dead owner of the sku again
        AtomicInteger attempts = new AtomicInteger();
        return resilience.call("GET item " + sku, () -> fetch(sku, attempts.incrementAndGet()),
                down -> cached(sku, down));
    }

    /** One attempt; a 404 is an answer (no such sku), everything else that is not a 200 an exception. */
    private Optional<Price> fetch(String sku, int attempt) {
        try {
            Item item = http.get()
                    .uri("/api/inventory/items/{sku}", sku)
                    .accept(MediaType.APPLICATION_JSON)
                    .header(RoutingAttempt.HEADER, Integer.toString(attempt))
                    .retrieve()
                    .body(Item.class);
            cache.put(sku, item.price());
            return Optional.of(new Price(item.price(), false));
        }
        catch (HttpClientErrorException.NotFound unknown) {
            return Optional.empty();
        }
    }

    private Optional<Price> cached(String sku, RuntimeException down) {
        Optional<BigDecimal> cached = cache.fresh(sku);
        if (cached.isEmpty()) {
            throw new RemoteServiceUnavailableException(SERVICE, down, resilience.retryAfter());
        }
        log.warn("Pricing {} from the cache: {} is unavailable ({})", sku, SERVICE, down.toString());
        FallbackEvents.record(REMOTE, "cached-price", down);
        return Optional.of(new Price(cached.get(), true));
    }

    /** The fields of inventory-service's item view this service reads; the others are ignored. */
    record Item(String sku, BigDecimal price) {
    }
}
