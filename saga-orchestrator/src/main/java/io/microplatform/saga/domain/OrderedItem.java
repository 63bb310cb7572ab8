package io.microplatform.saga.domain;

import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Embeddable;

import io.microplatform.support.domain.Money;

/** One line of the order, kept by the saga so it can build ReserveStock again after a restart. */
@Embeddable
public record OrderedItem(String sku, int quantity, BigDecimal unitPrice) {

    public OrderedItem {
        Objects.requireNonNull(sku, "sku");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        unitPrice = Money.exact(unitPrice);
    }
}
