package io.microplatform.order.domain;

import java.math.BigDecimal;
import java.util.Optional;

/** Current unit prices (inventory-service owns them). */
public interface Catalogue {

    /** Empty when there is no item with that sku. */
    Optional<BigDecimal> priceOf(String sku);
}
