package io.microplatform.order.domain;

import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Embeddable;

import io.microplatform.support.domain.Money;

/** One line of an order: a value, stored in order_items and loaded with its order. */
@Embeddable
public record OrderItem(String sku, int quantity, BigDecimal unitPrice) {

    public OrderItem {
        Objects.requireNonNull(sku, "sku");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        unitPrice = Money.nonNegative("unit price", unitPrice);
    }

    BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
