package io.microplatform.order.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.microplatform.order.domain.CancellationReason;
import io.microplatform.order.domain.Degradation;
import io.microplatform.order.domain.Order;
import io.microplatform.order.domain.OrderStatus;

/**
 * An order as the API shows it; money as JSON numbers with 2 decimals, times as ISO-8601 UTC strings. {@code degraded}
 * lists the parts that came from a fallback ({@code inventory-prices}, {@code shipping-quote}); empty when none did.
 */
record OrderResponse(UUID orderId, String customerId, OrderStatus status, CancellationReason reason, List<Item> items,
        BigDecimal total, BigDecimal shippingCost, List<String> degraded, Instant createdAt, Instant updatedAt) {

    record Item(String sku, int quantity, BigDecimal unitPrice) {
    }

    static OrderResponse of(Order order) {
        return new OrderResponse(order.id(), order.customerId(), order.status(), order.reason(),
                order.items().stream().map(item -> new Item(item.sku(), item.quantity(), item.unitPrice())).toList(),
                order.total(), order.shippingCost(), order.degraded().stream().map(Degradation::label).toList(),
                order.createdAt(), order.updatedAt());
    }
}
