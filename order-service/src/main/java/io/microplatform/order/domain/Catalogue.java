package io.microplatform.order.domain;

import java.math.BigDecimal;
import java.util.Optional;

/** Current unit prices (inventory-service owns them). */
public interface Catalogue {

    /** Empty when there is no item with that sku. */
    Optional<Price> priceOf(String sku);

    /**
     * @param unitPrice the price
     * @param fromCache true when inventory-service was down and the price is the last one it gave (within a stated
     *        maximum age): the order then says its prices are degraded
     */
    record Price(BigDecimal unitPrice, boolean fromCache) {
    }
}
