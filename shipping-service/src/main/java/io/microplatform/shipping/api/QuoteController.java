package io.microplatform.shipping.api;

import jakarta.validation.Valid;

import io.microplatform.shipping.ShippingManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shipping costs for order-service, called synchronously while an order is placed. */
@RestController
@RequestMapping("/api/shipping/quotes")
class QuoteController {

    private final ShippingManagement shipping;

    QuoteController(ShippingManagement shipping) {
        this.shipping = shipping;
    }

    /** 200 with the cost; 400 for a malformed request; 422 when the shop does not ship to the country. */
    @Operation(summary = "The shipping cost of an order to a country")
    @ApiResponse(responseCode = "200", description = "The cost")
    @ApiResponse(responseCode = "422", description = "Unsupported country: the shop does not ship there")
    @PostMapping
    QuoteResponse quote(@Valid @RequestBody QuoteRequest request) {
        return QuoteResponse.of(shipping.quote(request.country()));
    }
}
