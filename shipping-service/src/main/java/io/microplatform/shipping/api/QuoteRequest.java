package io.microplatform.shipping.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * What order-service asks before it places an order. postalCode is optional and not judged here: an undeliverable
 * one (00000) is found at shipment creation, in the saga, so such an order can be placed and then fails.
 */
record QuoteRequest(@Schema(example = "DE") @NotBlank String country, @Schema(example = "10115") String postalCode,
        @NotEmpty List<@NotNull @Valid Item> items) {

    /** The limits order-service puts on a line. */
    @Schema(name = "QuoteItem")
    record Item(@Schema(example = "KEYBOARD-01") @NotBlank String sku,
            @Schema(example = "2") @NotNull @Min(1) @Max(1000) Integer quantity) {
    }
}
