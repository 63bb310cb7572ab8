package io.microplatform.inventory.domain;

import java.util.Objects;

import jakarta.persistence.Embeddable;

/** Units of one sku an order asks for. */
@Embeddable
public record StockLine(String sku, int quantity) {

    public StockLine {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }
}
