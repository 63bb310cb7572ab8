package io.microplatform.order.api;

import java.util.List;

import io.microplatform.order.domain.OrderRequest;
import io.microplatform.order.domain.ShippingAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of POST /api/orders. Sizes match the columns, so a long value is a 400, never a database error.
 * Quantities are Integer so that a missing one is reported as missing rather than as 0.
 */
record PlaceOrderRequest(
        @NotBlank @Size(max = 64) String customerId,
        @NotEmpty @QuantityPerSkuAtMost(OrderRequest.MAX_QUANTITY) List<@NotNull @Valid Item> items,
        @NotNull @Valid Address shippingAddress) {

    record Item(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @Min(1) @Max(OrderRequest.MAX_QUANTITY) Integer quantity) {
    }

    record Address(
            @NotBlank @Size(max = 255) String name,
            @NotBlank @Size(max = 255) String street,
            @NotBlank @Size(max = 255) String city,
            @NotBlank @Size(max = 255) String postalCode,
            @NotBlank @Size(max = 255) String country) {
    }

    /** Only after validation. */
    OrderRequest toOrderRequest() {
        return new OrderRequest(customerId,
                items.stream().map(item -> new OrderRequest.Line(item.sku(), item.quantity())).toList(),
                new ShippingAddress(shippingAddress.name(), shippingAddress.street(), shippingAddress.city(),
                        shippingAddress.postalCode(), shippingAddress.country()));
    }
}
