package io.microplatform.shipping.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.microplatform.contracts.FieldLimits;

/**
 * What order-service asks before it places an order. postalCode is optional and not judged here: an undeliverable
 * one (00000) is found at shipment creation, in the saga, so such an order can be placed and then fails. The texts
 * stay within FieldLimits' lengths and carry no control characters (a NUL would reach the destinations query); a
 * country that is not a destination is a 422, as an unsupported one.
 */
record QuoteRequest(
        @NotBlank @Size(max = FieldLimits.COUNTRY_LENGTH) @Pattern(regexp = FieldLimits.TEXT_PATTERN,
                message = NO_CONTROL_CHARACTERS) String country,
        @Size(max = FieldLimits.POSTAL_CODE_MAX) @Pattern(regexp = FieldLimits.TEXT_PATTERN,
                message = NO_CONTROL_CHARACTERS) String postalCode,
        @NotEmpty @Size(max = FieldLimits.LINES_MAX) List<@NotNull @Valid Item> items) {

    static final String NO_CONTROL_CHARACTERS = "must not contain control characters";

    /** The limits order-service puts on a line. */
    record Item(@NotBlank @Size(max = FieldLimits.SKU_MAX) @Pattern(regexp = FieldLimits.TEXT_PATTERN,
            message = NO_CONTROL_CHARACTERS) String sku, @NotNull @Min(1) @Max(FieldLimits.QUANTITY_MAX) Integer quantity) {
    }
}
