package io.microplatform.shipping.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(example = "DE") @NotBlank @Size(max = FieldLimits.COUNTRY_LENGTH)
        @Pattern(regexp = TEXT, message = NO_CONTROL_CHARACTERS) String country,
        @Schema(example = "10115") @Size(max = FieldLimits.POSTAL_CODE_MAX)
        @Pattern(regexp = TEXT, message = NO_CONTROL_CHARACTERS) String postalCode,
        @NotEmpty @Size(max = FieldLimits.LINES_MAX) List<@NotNull @Valid Item> items) {

    // anchored: bean validation matches the whole value either way, but the OpenAPI document states these patterns,
    // and JSON Schema's pattern matches anywhere in a value
    static final String TEXT = "^" + FieldLimits.TEXT_PATTERN + "$";
    static final String NO_CONTROL_CHARACTERS = "must not contain control characters";
    /** A blank sku is left to @NotBlank, so that each problem of a field is named once. */
    static final String BLANK_OR_IDENTIFIER = "^(\\s*|" + FieldLimits.IDENTIFIER_PATTERN + ")$";

    /** The limits order-service puts on a line (FieldLimits), so a quote is given only for lines an order can have. */
    @Schema(name = "QuoteItem")
    record Item(
            @Schema(example = "KEYBOARD-01") @NotBlank @Size(max = FieldLimits.SKU_MAX)
            @Pattern(regexp = BLANK_OR_IDENTIFIER)
            String sku,
            @Schema(example = "2") @NotNull @Min(1) @Max(FieldLimits.QUANTITY_MAX) Integer quantity) {
    }
}
