package io.microplatform.order.api;

import java.util.List;

import io.microplatform.contracts.FieldLimits;
import io.microplatform.order.domain.OrderRequest;
import io.microplatform.order.domain.ShippingAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import static io.microplatform.order.api.AllowedCharacters.Kind.COUNTRY;
import static io.microplatform.order.api.AllowedCharacters.Kind.IDENTIFIER;
import static io.microplatform.order.api.AllowedCharacters.Kind.TEXT;

/**
 * The body of POST /api/orders, validated against {@link FieldLimits}: the limits every later service can store, so
 * an order accepted here never fails further down the saga for its content (too long for a column, a character a
 * participant refuses). Quantities are Integer so that a missing one is reported as missing rather than as 0. At most
 * {@link FieldLimits#LINES_MAX} lines as sent, before lines of the same sku are merged.
 */
record PlaceOrderRequest(
        @NotBlank @Size(max = FieldLimits.CUSTOMER_ID_MAX) @AllowedCharacters(IDENTIFIER) String customerId,
        @NotEmpty @Size(max = FieldLimits.LINES_MAX) @QuantityPerSkuAtMost(FieldLimits.QUANTITY_MAX)
        List<@NotNull @Valid Item> items,
        @NotNull @Valid Address shippingAddress) {

    record Item(
            @NotBlank @Size(max = FieldLimits.SKU_MAX) @AllowedCharacters(IDENTIFIER) String sku,
            @NotNull @Min(1) @Max(FieldLimits.QUANTITY_MAX) Integer quantity) {
    }

    record Address(
            @NotBlank @Size(max = FieldLimits.NAME_MAX) @AllowedCharacters(TEXT) String name,
            @NotBlank @Size(max = FieldLimits.STREET_MAX) @AllowedCharacters(TEXT) String street,
            @NotBlank @Size(max = FieldLimits.CITY_MAX) @AllowedCharacters(TEXT) String city,
            @NotBlank @Size(max = FieldLimits.POSTAL_CODE_MAX) @AllowedCharacters(TEXT) String postalCode,
            @NotBlank @AllowedCharacters(COUNTRY) String country) {
    }

    /** Only after validation. */
    OrderRequest toOrderRequest() {
        return new OrderRequest(customerId,
                items.stream().map(item -> new OrderRequest.Line(item.sku(), item.quantity())).toList(),
                new ShippingAddress(shippingAddress.name(), shippingAddress.street(), shippingAddress.city(),
                        shippingAddress.postalCode(), shippingAddress.country()));
    }
}
