package io.microplatform.order.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** What shipping costs (shipping-service owns the rates). */
public interface ShippingRates {

    /** Empty when nothing is shipped to the address's country. */
    Optional<Quote> quote(ShippingAddress to, List<OrderRequest.Line> lines);

    /**
     * @param cost the shipping cost
     * @param flatRate true when shipping-service was down and the cost is the documented flat rate instead
     */
    record Quote(BigDecimal cost, boolean flatRate) {
    }
}
