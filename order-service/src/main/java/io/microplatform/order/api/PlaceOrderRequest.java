package io.microplatform.order.api;

import java.util.List;

import io.microplatform.contracts.FieldLimits;
import io.microplatform.order.domain.OrderRequest;
import io.microplatform.order.domain.ShippingAddress;
import io.swagger.v3.oas.annotations.media.Schema;
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
 * {@link FieldLimits#LINES_MAX} lines as sent, before lines of the same sku are merged. Each field's
 * {@code @Schema} states in the OpenAPI document what {@code @AllowedCharacters} checks, which springdoc cannot read,
 * and an example (OpenApiContractTest builds its requests from them).
 */
record PlaceOrderRequest(
        @Schema(example = "alice", pattern = AllowedCharacters.IDENTIFIER_PATTERN)
        @NotBlank @Size(max = FieldLimits.CUSTOMER_ID_MAX) @AllowedCharacters(IDENTIFIER) String customerId,
        @Schema(description = "Lines with the same sku are merged into one: their quantities together at most "
                + FieldLimits.QUANTITY_MAX)
        @NotEmpty @Size(max = FieldLimits.LINES_MAX) @QuantityPerSkuAtMost(FieldLimits.QUANTITY_MAX)
        List<@NotNull @Valid Item> items,
        @NotNull @Valid Address shippingAddress) {

    // named apart from OrderResponse.Item: the document names a model by its simple name, and one would hide the other
    @Schema(name = "PlaceOrderItem")
    record Item(
            @Schema(example = "KEYBOARD-01", pattern = AllowedCharacters.IDENTIFIER_PATTERN)
            @NotBlank @Size(max = FieldLimits.SKU_MAX) @AllowedCharacters(IDENTIFIER) String sku,
            @Schema(example = "2") @NotNull @Min(1) @Max(FieldLimits.QUANTITY_MAX) Integer quantity) {
    }

    @Schema(name = "ShippingAddress")
    record Address(
            @Schema(example = "Ada Lovelace", pattern = AllowedCharacters.TEXT_PATTERN)
            @NotBlank @Size(max = FieldLimits.NAME_MAX) @AllowedCharacters(TEXT) String name,
            @Schema(example = "1 Main St", pattern = AllowedCharacters.TEXT_PATTERN)
            @NotBlank @Size(max = FieldLimits.STREET_MAX) @AllowedCharacters(TEXT) String street,
            @Schema(example = "Berlin", pattern = AllowedCharacters.TEXT_PATTERN)
            @NotBlank @Size(max = FieldLimits.CITY_MAX) @AllowedCharacters(TEXT) String city,
            @Schema(example = "10115", pattern = AllowedCharacters.TEXT_PATTERN)
            @NotBlank @Size(max = FieldLimits.POSTAL_CODE_MAX) @AllowedCharacters(TEXT) String postalCode,
            // the length is the pattern's; stated as well so that a client need not read the pattern for it
            @Schema(example = "DE", pattern = AllowedCharacters.COUNTRY_PATTERN,
                    minLength = FieldLimits.COUNTRY_LENGTH, maxLength = FieldLimits.COUNTRY_LENGTH)
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
