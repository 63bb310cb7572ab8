package io.microplatform.shipping.api;

import jakarta.validation.Valid;

import io.microplatform.shipping.ShippingManagement;

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
    @PostMapping
    QuoteResponse quote(@Valid @RequestBody QuoteRequest request) {
        return QuoteResponse.of(shipping.quote(request.country()));
    }
}
