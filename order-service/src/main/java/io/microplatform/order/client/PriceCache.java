package io.microplatform.order.client;

import java.math.BigDecimal;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The last price inventory-service gave for each sku, kept for at most {@code order.clients.price-cache.max-age}
 * after it was read: the fallback while inventory-service is down. Filled by every successful price lookup; an
 * entry older than the maximum age is gone, so an order is never priced with an older one (503 instead).
 */
final class PriceCache {

    private final Cache<String, BigDecimal> prices;

    PriceCache(ClientProperties.PriceCache settings) {
        this.prices = Caffeine.newBuilder()
                .expireAfterWrite(settings.maxAge())
                .maximumSize(settings.maximumSize())
                .build();
    }

    void put(String sku, BigDecimal price) {
        prices.put(sku, price);
    }

    Optional<BigDecimal> fresh(String sku) {
        return Optional.ofNullable(prices.getIfPresent(sku));
    }

    void clear() {
        prices.invalidateAll();
    }
}
