package io.microplatform.saga.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import io.microplatform.support.domain.Money;

/**
 * What the saga must know about its order to build every command, at any time and after any restart: the lines for
 * ReserveStock, customer and total for ChargePayment, the address for CreateShipment.
 */
public record OrderDetails(String customerId, List<OrderedItem> items, BigDecimal total, DeliveryAddress shippingAddress) {

    public OrderDetails {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        items = List.copyOf(items);
        total = Money.exact(total);
    }
}
