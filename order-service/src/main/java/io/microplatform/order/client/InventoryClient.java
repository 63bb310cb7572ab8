package io.microplatform.order.client;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.microplatform.order.domain.Catalogue;
import io.microplatform.support.loadbalancing.RoutingAttempt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

    private final ResilientCalls inventory;
    private final PriceCache cache;

    /** @param prices how the last known prices are kept, a cache of this client's own */
    InventoryClient(ResilientCalls inventory, ClientProperties.PriceCache prices) {
        this.inventory = inventory;
        this.cache = new PriceCache(prices);
    }

    /** A 404 is an answer (no such sku), everything else that is not a 200 an exception. */
    @Override
    public Optional<Price> priceOf(String sku) {
        // numbered, so that a retry goes to the next instance on the hash ring, not to a dead owner of the sku again
        AtomicInteger attempts = new AtomicInteger();
        return inventory.lookup("GET item " + sku, http -> fetch(http, sku, attempts.incrementAndGet()),
                HttpStatus.NOT_FOUND, down -> cached(sku, down));
    }

    private Price fetch(RestClient http, String sku, int attempt) {
        Item item = http.get()
                .uri("/api/inventory/items/{sku}", sku)
                .accept(MediaType.APPLICATION_JSON)
                .header(RoutingAttempt.HEADER, Integer.toString(attempt))
                .retrieve()
                .body(Item.class);
        cache.put(sku, item.price());
        return new Price(item.price(), false);
    }

    private Optional<Price> cached(String sku, RuntimeException down) {
        Optional<BigDecimal> cached = cache.fresh(sku);
        if (cached.isEmpty()) {
            throw new RemoteServiceUnavailableException(SERVICE, down, inventory.retryAfter());
        }
        log.warn("Pricing {} from the cache: {} is unavailable ({})", sku, SERVICE, down.toString());
        FallbackEvents.record(REMOTE, "cached-price", down);
        return Optional.of(new Price(cached.get(), true));
    }

    /** The fields of inventory-service's item view this service reads; the others are ignored. */
    record Item(String sku, BigDecimal price) {
    }
}
