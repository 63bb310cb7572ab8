package io.microplatform.order.domain;

import java.util.Arrays;

/**
 * A part of an order that was not computed by its owner because that service was down, and came from a fallback
 * instead. The API lists them by {@link #label()} under {@code "degraded"}.
 */
public enum Degradation {

    /** At least one unit price came from order-service's cache of inventory prices, not from inventory-service. */
    INVENTORY_PRICES("inventory-prices"),
    /** The shipping cost is the documented flat rate, not shipping-service's quote. */
    SHIPPING_QUOTE("shipping-quote");

    private final String label;

    Degradation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Degradation ofLabel(String label) {
        return Arrays.stream(values()).filter(value -> value.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown degradation " + label));
    }
}
