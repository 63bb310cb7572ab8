package io.microplatform.order.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** What shipping costs (shipping-service owns the rates). */
public interface ShippingRates {

    /** Empty when nothing is shipped to the address's country. */
    Optional<BigDecimal> quote(ShippingAddress to, List<OrderRequest.Line> lines);
}
